"""The watcher every browser test relies on does catch what it is meant to catch."""

import pytest

from tests.browser.conftest import PageProblems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BREAK_THE_POLICY = """async () => {
  await new Promise((resolve) => {
    document.addEventListener("securitypolicyviolation", resolve, {once: true});
    const script = document.createElement("script");  // inline, without the nonce
    script.textContent = "window.ran = true";
    document.head.append(script);
  });
  // A round trip through the same channel: the report above has been handled by now.
  await window.__newsroomCspViolation("round trip");
}"""


def test_the_watcher_catches_console_errors_script_errors_and_csp_violations(live_server, browser):
    problems = PageProblems()
    context = browser.new_context()
    problems.watch(context)
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert problems.found == []  # a clean page

    with page.expect_console_message(lambda m: m.type == "error" and "hỏng" in m.text):
        page.evaluate("console.error('Tải dữ liệu hỏng')")
    with page.expect_event("pageerror"):
        page.evaluate("setTimeout(() => { throw new Error('lỗi không bắt') })")
    page.evaluate(BREAK_THE_POLICY)
    context.close()

    found = "\n".join(problems.found)
    assert "console error: Tải dữ liệu hỏng" in found
    assert "script error: lỗi không bắt" in found
    assert "CSP violation: script-src-elem blocked inline on /" in found
