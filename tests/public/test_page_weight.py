"""An article page stays light on a cheap phone: HTML + CSS + fonts + JS under 160 KB."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders

from tests.factories import jpeg_bytes, make_article, make_author, make_image

BUDGET = 160 * 1024  # 150 KB before the article got its right column (issue 18)


def static_bytes(url: str) -> int:
    path = finders.find(url.removeprefix("/static/"))
    assert path, url
    return Path(path).stat().st_size


def test_article_page_before_images_is_under_160_kb(client, db):
    paragraphs = "".join(
        f"<p>Đoạn {i}: lực lượng Công an tỉnh tăng cường tuần tra, kiểm soát, bảo đảm an ninh "
        "trật tự trên các tuyến đường trọng điểm, kịp thời xử lý các hành vi vi phạm.</p>"
        for i in range(40)
    )  # a long article, about 1.200 words
    article = make_article(
        title="Ra quân đợt cao điểm tấn công trấn áp tội phạm dịp cuối năm",
        body=paragraphs,
        cover=make_image(data=jpeg_bytes((1600, 1000)), caption="Lễ ra quân", credit="Ảnh: Hà"),
        authors=[make_author("Nguyễn Văn An", "Công an huyện Phú Lương")],
    )
    html = client.get(article.get_absolute_url()).content
    assets = set(re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js|woff2))"', html))
    css_urls = [a.decode() for a in assets if a.endswith(b".css")]
    # Every font the stylesheet can ask for counts, used on this page or not.
    fonts = {
        "/static/" + font
        for url in css_urls
        for font in re.findall(
            r'url\("\.\./(fonts/[^"]+\.woff2)"\)', Path(finders.find(url[8:])).read_text()
        )
    }
    total = (
        len(html)
        + sum(static_bytes(a.decode()) for a in assets)
        + sum(static_bytes(f) for f in fonts - {a.decode() for a in assets})
    )
    assert css_urls and fonts
    assert total < BUDGET, f"{total} bytes"
