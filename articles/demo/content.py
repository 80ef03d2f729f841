"""Demo content for the newsroom: sections, campaigns, authors and articles.

Plain data only (no Django imports), all of it fictional and written for this project: the
province "Sông Lam", its districts, communes and the people quoted do not exist. A loader turns
these into model instances; ``articles.demo.photos.render_photo`` paints the pictures.

Shapes:

- ``SECTIONS``: ``{"name", "parent" (section name or None), "description"}``.
- ``CAMPAIGNS``: ``{"name", "slogan", "description", "starts_on" ("YYYY-MM-DD"),
  "ends_on" ("YYYY-MM-DD" or None for a standing movement), "photo"}``.
- ``AUTHORS``: ``{"name", "unit"}``; bylines read ``name (unit)``.
- ``ARTICLES``: ``{"source_id", "title", "sapo", "paragraphs", "authors" (indices into
  AUTHORS), "section" (a section name), "tags", "campaigns" (campaign names), "days_ago"
  (float, negative = scheduled in the future), "hour", "minute" (local time,
  Asia/Ho_Chi_Minh), "featured", "status" ("published" or "draft"), "cover"}``.
- Body blocks in ``"paragraphs"``: a ``str`` paragraph, ``{"h2": str}`` sub-heading,
  ``{"quote": str}`` block quote or ``{"photo": photo}``.
- Photo: ``{"caption", "credit" ("Ảnh: <name>"), "alt" (may be ""), "scene"}`` where scene is
  one of ``articles.demo.photos.SCENES``.
"""

SECTIONS = [
    {
        "name": "Tin tức – Sự kiện",
        "parent": None,
        "description": (
            "Hoạt động nổi bật của Công an tỉnh Sông Lam, chỉ đạo của lãnh đạo và các sự kiện "
            "chính trị, xã hội trên địa bàn tỉnh."
        ),
    },
    {
        "name": "An ninh trật tự",
        "parent": None,
        "description": (
            "Đấu tranh phòng, chống tội phạm, bảo đảm an ninh chính trị và trật tự an toàn xã "
            "hội; cảnh báo thủ đoạn phạm tội mới."
        ),
    },
    {
        "name": "Xây dựng lực lượng",
        "parent": None,
        "description": (
            "Xây dựng lực lượng Công an tỉnh trong sạch, vững mạnh, chính quy, tinh nhuệ, hiện "
            "đại; công tác thi đua, khen thưởng và hoạt động đoàn thể."
        ),
    },
    {
        "name": "Phòng cháy chữa cháy",
        "parent": None,
        "description": (
            "Công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ; hướng dẫn kỹ năng thoát nạn và "
            "an toàn cháy nổ cho người dân, cơ sở."
        ),
    },
    {
        "name": "Trật tự an toàn giao thông",
        "parent": None,
        "description": (
            "Tuần tra, kiểm soát, xử lý vi phạm; tuyên truyền văn hóa giao thông và kéo giảm tai "
            "nạn trên các tuyến đường của tỉnh."
        ),
    },
    {
        "name": "Chuyển đổi số",
        "parent": None,
        "description": (
            "Triển khai Đề án 06, dữ liệu dân cư, định danh và xác thực điện tử, ứng dụng công "
            "nghệ trong công tác công an."
        ),
    },
    {
        "name": "Cải cách hành chính",
        "parent": "Chuyển đổi số",
        "description": (
            "Thủ tục hành chính trong lĩnh vực công an: căn cước, cư trú, đăng ký xe, dịch vụ "
            "công trực tuyến và phục vụ người dân."
        ),
    },
    {
        "name": "Gương người tốt việc tốt",
        "parent": "Xây dựng lực lượng",
        "description": (
            "Những tấm gương cán bộ, chiến sĩ và quần chúng nhân dân dũng cảm, tận tụy, giàu "
            "lòng nhân ái trên địa bàn tỉnh."
        ),
    },
]

CAMPAIGNS = [
    {
        "name": "Vì an ninh Tổ quốc",
        "slogan": "Công an tỉnh Sông Lam: vì nước quên thân, vì dân phục vụ",
        "description": (
            "Phong trào thi đua thường xuyên, xuyên suốt của lực lượng Công an tỉnh Sông Lam, "
            "gắn với phong trào toàn dân bảo vệ an ninh Tổ quốc ở từng khu dân cư. Phong trào "
            "khuyến khích mỗi cán bộ, chiến sĩ hoàn thành xuất sắc nhiệm vụ, đồng thời phát huy "
            "sức mạnh của quần chúng trong phòng ngừa, phát hiện tội phạm."
        ),
        "starts_on": "2012-08-19",
        "ends_on": None,
        "photo": {
            "caption": (
                "Cán bộ, chiến sĩ Công an tỉnh Sông Lam tuyên thệ hưởng ứng phong trào thi đua "
                "“Vì an ninh Tổ quốc”"
            ),
            "credit": "Ảnh: Nhóm PV",
            "alt": "",
            "scene": "ceremony",
        },
    },
    {
        "name": "Đợt cao điểm tấn công trấn áp tội phạm cuối năm 2026",
        "slogan": "Tấn công quyết liệt, trấn áp kịp thời, giữ bình yên cho mỗi khu dân cư",
        "description": (
            "Đợt cao điểm huy động toàn lực lượng tập trung tấn công, trấn áp các loại tội phạm "
            "và vi phạm pháp luật trong những tháng cuối năm 2026 và dịp Tết Nguyên đán. Trọng "
            "tâm là tội phạm ma túy, tín dụng đen, trộm cắp tài sản, lừa đảo qua mạng và vi phạm "
            "trật tự an toàn giao thông."
        ),
        "starts_on": "2026-10-01",
        "ends_on": "2027-01-31",
        "photo": {
            "caption": (
                "Tổ công tác tuần tra, kiểm soát vào ban đêm trong đợt cao điểm tấn công trấn áp "
                "tội phạm"
            ),
            "credit": "Ảnh: Lê Minh Đức",
            "alt": "",
            "scene": "patrol",
        },
    },
    {
        "name": "Chuyển đổi số Đề án 06 giai đoạn 2026–2027",
        "slogan": "Mỗi người dân một danh tính số, mỗi thủ tục một lần chạm",
        "description": (
            "Chương trình của Công an tỉnh Sông Lam nhằm hoàn thành các mục tiêu của Đề án 06 "
            "trong giai đoạn 2026–2027, đưa dữ liệu dân cư phục vụ người dân, doanh nghiệp và "
            "chính quyền các cấp. Chương trình tập trung vào định danh điện tử, dịch vụ công "
            "trực tuyến toàn trình và hỗ trợ người cao tuổi, người ở vùng sâu sử dụng tiện ích "
            "số."
        ),
        "starts_on": "2026-01-15",
        "ends_on": "2027-12-31",
        "photo": {
            "caption": "Trung tâm tiếp nhận và xử lý dữ liệu dân cư của Công an tỉnh Sông Lam",
            "credit": "Ảnh: Trần Thị Thu Hà",
            "alt": "",
            "scene": "digital",
        },
    },
]

AUTHORS = [
    {"name": "Nguyễn Văn An", "unit": "Công an huyện Phú Lương"},
    {"name": "Trần Thị Thu Hà", "unit": "Phòng Tham mưu"},
    {"name": "Lê Minh Đức", "unit": "Phòng Cảnh sát giao thông"},
    {"name": "Phạm Quốc Huy", "unit": "Phòng Cảnh sát PCCC và CNCH"},
    {"name": "Nhóm PV", "unit": "Phòng Tham mưu"},
    {"name": "Hoàng Thị Mai Lan", "unit": "Cộng tác viên"},
]

ARTICLES = [
    {
        "source_id": "demo-001",
        "title": (
            "Công an tỉnh Sông Lam ra quân đợt cao điểm tấn công trấn áp tội phạm những tháng "
            "cuối năm"
        ),
        "sapo": (
            "Sáng nay, Công an tỉnh Sông Lam tổ chức hội nghị triển khai đợt cao điểm tấn công "
            "trấn áp tội phạm, bảo đảm an ninh trật tự dịp cuối năm 2026 và Tết Nguyên đán Đinh "
            "Mùi 2027. Hơn 1.200 cán bộ, chiến sĩ tham gia lễ ra quân tại trụ sở và điểm cầu các "
            "địa phương."
        ),
        "paragraphs": [
            (
                "Hội nghị được tổ chức trực tiếp tại hội trường Công an tỉnh, kết nối trực tuyến "
                "tới 9 điểm cầu công an huyện, thị xã, thành phố và 142 điểm cầu công an xã, "
                "phường, thị trấn. Đại tá Hà Minh Triết, Giám đốc Công an tỉnh chủ trì hội nghị."
            ),
            (
                "Theo báo cáo của Phòng Tham mưu, từ đầu đợt cao điểm ngày 1/10 đến nay, lực "
                "lượng chức năng đã phát hiện, bắt giữ 318 vụ với 546 đối tượng phạm tội về trật "
                "tự xã hội, tăng 12,4% so với cùng kỳ năm trước. Tỷ lệ điều tra, khám phá các vụ "
                "án rất nghiêm trọng, đặc biệt nghiêm trọng đạt 96,7%."
            ),
            {
                "photo": {
                    "caption": (
                        "Đại tá Hà Minh Triết, Giám đốc Công an tỉnh phát biểu chỉ đạo tại hội "
                        "nghị triển khai đợt cao điểm"
                    ),
                    "credit": "Ảnh: Nhóm PV",
                    "alt": "",
                    "scene": "meeting",
                },
            },
            {"h2": "Bốn nhóm tội phạm được tập trung đấu tranh"},
            (
                "Giai đoạn hai của đợt cao điểm tập trung vào bốn nhóm: tội phạm ma túy, tín "
                "dụng đen gắn với đòi nợ thuê, trộm cắp tài sản ở khu dân cư và khu công nghiệp, "
                "lừa đảo chiếm đoạt tài sản qua không gian mạng. Mỗi nhóm được giao cho một đơn "
                "vị nghiệp vụ chủ trì, có chỉ tiêu cụ thể theo từng tuần."
            ),
            (
                "Lực lượng cảnh sát giao thông được yêu cầu tăng cường tuần tra ban đêm, xử lý "
                "nghiêm vi phạm nồng độ cồn, tốc độ và tụ tập đua xe. Công an cấp xã rà soát "
                "người nghiện, người có tiền án, tiền sự, nắm chắc tình hình từng thôn, xóm."
            ),
            {
                "quote": (
                    "Mỗi khu dân cư phải là một pháo đài, mỗi người dân là một tai mắt. Đợt cao "
                    "điểm chỉ thành công khi người dân cảm thấy bình yên hơn khi ra đường, khi ở "
                    "nhà."
                ),
            },
            (
                "Phát biểu chỉ đạo, Giám đốc Công an tỉnh yêu cầu các đơn vị không để bị động, "
                "bất ngờ trong mọi tình huống, không để hình thành các băng nhóm tội phạm có tổ "
                "chức. Kết quả đợt cao điểm sẽ là tiêu chí quan trọng khi bình xét thi đua cuối "
                "năm trong phong trào “Vì an ninh Tổ quốc”."
            ),
            (
                "Ngay sau hội nghị, các tổ công tác đã ra quân tuần tra trên các tuyến phố chính "
                "của thành phố Lam Giang và các tuyến quốc lộ qua địa bàn tỉnh. Lực lượng cảnh "
                "sát cơ động cũng được bố trí trực sẵn sàng tại các địa bàn trọng điểm để kịp "
                "thời xử lý mọi tình huống phát sinh."
            ),
        ],
        "authors": [4, 1],
        "section": "Tin tức – Sự kiện",
        "tags": [
            "thành phố Lam Giang",
            "cao điểm tấn công trấn áp tội phạm",
            "hội nghị",
            "tuần tra kiểm soát",
        ],
        "campaigns": [
            "Đợt cao điểm tấn công trấn áp tội phạm cuối năm 2026",
            "Vì an ninh Tổ quốc",
        ],
        "days_ago": 0.2,
        "hour": 8,
        "minute": 15,
        "featured": True,
        "status": "published",
        "cover": {
            "caption": (
                "Toàn cảnh hội nghị triển khai đợt cao điểm tấn công trấn áp tội phạm cuối năm "
                "2026 tại Công an tỉnh Sông Lam"
            ),
            "credit": "Ảnh: Nhóm PV",
            "alt": "Hội trường Công an tỉnh với đại biểu ngồi kín các hàng ghế",
            "scene": "meeting",
        },
    },
    {
        "source_id": "demo-002",
        "title": "Triệt phá đường dây vận chuyển ma túy tổng hợp từ vùng biên về huyện Thạch Bình",
        "sapo": (
            "Phòng Cảnh sát điều tra tội phạm về ma túy phối hợp Công an huyện Thạch Bình vừa "
            "triệt phá một đường dây mua bán trái phép chất ma túy, bắt giữ 7 đối tượng, thu giữ "
            "hơn 3,2 kg ma túy tổng hợp."
        ),
        "paragraphs": [
            (
                "Qua công tác nắm tình hình, từ tháng 8/2026, cơ quan công an phát hiện một nhóm "
                "đối tượng thường xuyên vận chuyển ma túy từ khu vực biên giới về tiêu thụ tại "
                "các xã ven sông của huyện Thạch Bình. Nhóm này thay đổi phương tiện liên tục, "
                "dùng nhiều sim rác để liên lạc nhằm đối phó với lực lượng chức năng."
            ),
            (
                "Khoảng 23 giờ ngày 24/11, tại khu vực cầu Thạch Sơn, tổ công tác bắt quả tang "
                "hai đối tượng đang giao nhận một ba lô chứa 6 gói ni lông ma túy dạng đá. Cùng "
                "thời điểm, các mũi trinh sát đồng loạt khám xét nơi ở của 5 đối tượng còn lại "
                "tại xã Thạch Sơn và thị trấn Thạch Bình."
            ),
            {
                "photo": {
                    "caption": (
                        "Lực lượng trinh sát lập chốt bắt giữ các đối tượng tại khu vực cầu "
                        "Thạch Sơn"
                    ),
                    "credit": "Ảnh: Nguyễn Văn An",
                    "alt": "",
                    "scene": "patrol",
                },
            },
            (
                "Tang vật thu giữ gồm 3,2 kg ma túy tổng hợp, 1.150 viên hồng phiến, 2 xe máy, "
                "11 điện thoại di động và 86 triệu đồng tiền mặt. Bước đầu, các đối tượng khai "
                "nhận đã thực hiện ít nhất 5 chuyến vận chuyển từ tháng 9 đến nay."
            ),
            {"h2": "Cảnh giác với lời mời “việc nhẹ lương cao”"},
            (
                "Đáng chú ý, hai trong số các đối tượng bị bắt mới 19 tuổi, được thuê chở hàng "
                "với tiền công vài triệu đồng mỗi chuyến mà không được cho biết cụ thể là hàng "
                "gì. Cơ quan công an khuyến cáo thanh niên không nhận vận chuyển hàng hóa không "
                "rõ nguồn gốc, đặc biệt là theo lời mời qua mạng xã hội."
            ),
            (
                "Vụ án đang được mở rộng điều tra để truy xét nguồn cung cấp và các đối tượng "
                "tiêu thụ. Người dân có thông tin liên quan có thể báo qua đường dây nóng của "
                "Công an tỉnh hoặc trực tiếp tới công an xã nơi gần nhất."
            ),
        ],
        "authors": [0],
        "section": "An ninh trật tự",
        "tags": [
            "huyện Thạch Bình",
            "xã Thạch Sơn",
            "ma túy",
            "cao điểm tấn công trấn áp tội phạm",
        ],
        "campaigns": ["Đợt cao điểm tấn công trấn áp tội phạm cuối năm 2026"],
        "days_ago": 0.4,
        "hour": 6,
        "minute": 40,
        "featured": True,
        "status": "published",
        "cover": {
            "caption": "Xe của lực lượng chức năng tại hiện trường vụ bắt giữ ở huyện Thạch Bình",
            "credit": "Ảnh: Nguyễn Văn An",
            "alt": "",
            "scene": "patrol",
        },
    },
    {
        "source_id": "demo-003",
        "title": "Tuần tra kiểm soát nồng độ cồn xuyên đêm trên tỉnh lộ 281 dịp cuối tuần",
        "sapo": (
            "Đêm 24 và rạng sáng 25/11, các tổ công tác Phòng Cảnh sát giao thông đã kiểm tra "
            "412 phương tiện trên tỉnh lộ 281, phát hiện và lập biên bản 37 trường hợp vi phạm "
            "nồng độ cồn."
        ),
        "paragraphs": [
            (
                "Ba tổ công tác được bố trí tại các điểm đầu cầu Lam Giang, ngã ba Phú Thịnh và "
                "khu vực chợ đêm Kỳ Lân, nơi thường có nhiều quán nhậu hoạt động muộn. Việc kiểm "
                "tra được thực hiện theo kế hoạch tuần tra ngẫu nhiên, thay đổi giờ và địa điểm "
                "liên tục."
            ),
            (
                "Trong số 37 trường hợp vi phạm, có 29 người điều khiển xe máy và 8 người điều "
                "khiển ô tô; 6 trường hợp có nồng độ cồn vượt mức cao nhất theo quy định. Lực "
                "lượng chức năng đã tạm giữ 37 phương tiện để xử lý theo quy định của pháp luật."
            ),
            {
                "photo": {
                    "caption": (
                        "Cán bộ Phòng Cảnh sát giao thông hướng dẫn người điều khiển xe máy kiểm "
                        "tra nồng độ cồn tại ngã ba Phú Thịnh"
                    ),
                    "credit": "Ảnh: Lê Minh Đức",
                    "alt": "",
                    "scene": "traffic",
                },
            },
            (
                "Nhiều người vi phạm cho rằng đã “nghỉ một lúc” sau khi uống rượu bia nên nghĩ "
                "rằng mình đủ tỉnh táo để lái xe. Thực tế, thời gian đào thải cồn trong cơ thể "
                "phụ thuộc vào nhiều yếu tố và thường kéo dài hơn nhiều người nghĩ."
            ),
            {
                "quote": (
                    "Chúng tôi không đặt mục tiêu phạt thật nhiều, mà muốn mỗi người khi đã uống "
                    "rượu bia thì tự giác để xe lại, gọi người thân hoặc taxi đưa về."
                ),
            },
            (
                "Trung tá Ngô Đình Phúc, Phó Trưởng phòng Cảnh sát giao thông cho biết từ nay "
                "đến hết Tết Nguyên đán, việc kiểm soát nồng độ cồn sẽ được duy trì ở tất cả các "
                "huyện, thị xã, thành phố, kể cả vào ban ngày. Người dân có thể phản ánh các "
                "điểm thường xuyên xảy ra vi phạm qua đường dây nóng của Phòng Cảnh sát giao "
                "thông."
            ),
        ],
        "authors": [2],
        "section": "Trật tự an toàn giao thông",
        "tags": ["thành phố Lam Giang", "xã Phú Thịnh", "nồng độ cồn", "tuần tra kiểm soát"],
        "campaigns": ["Đợt cao điểm tấn công trấn áp tội phạm cuối năm 2026"],
        "days_ago": 0.7,
        "hour": 9,
        "minute": 5,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": (
                "Tổ công tác cảnh sát giao thông làm nhiệm vụ trên tỉnh lộ 281 trong đêm 24/11"
            ),
            "credit": "Ảnh: Lê Minh Đức",
            "alt": "",
            "scene": "traffic",
        },
    },
    {
        "source_id": "demo-004",
        "title": "Diễn tập chữa cháy và cứu nạn quy mô lớn tại chợ trung tâm thành phố Lam Giang",
        "sapo": (
            "Cuộc diễn tập có sự tham gia của hơn 250 người, 14 phương tiện chữa cháy, giả định "
            "đám cháy lớn xảy ra vào giờ cao điểm buôn bán tại khu hàng vải, quần áo của chợ."
        ),
        "paragraphs": [
            (
                "Tình huống giả định: khoảng 9 giờ sáng, do chập điện tại một ki-ốt bán vải, lửa "
                "bùng phát và nhanh chóng lan sang các quầy hàng xung quanh. Nhiều tiểu thương "
                "và khách hàng bị mắc kẹt trong khu vực dãy hàng phía sau, khói khí độc lan "
                "rộng."
            ),
            (
                "Ngay khi phát hiện, đội PCCC cơ sở của Ban quản lý chợ đã sử dụng bình chữa "
                "cháy tại chỗ, ngắt điện và hướng dẫn người dân thoát nạn theo lối thoát hiểm. "
                "Lực lượng Cảnh sát PCCC và CNCH có mặt sau 6 phút nhận tin báo, triển khai đồng "
                "thời các mũi chữa cháy và tìm kiếm người bị nạn."
            ),
            {
                "photo": {
                    "caption": (
                        "Lực lượng Cảnh sát PCCC và CNCH triển khai lăng phun nước khống chế đám "
                        "cháy giả định tại chợ trung tâm"
                    ),
                    "credit": "Ảnh: Phạm Quốc Huy",
                    "alt": "",
                    "scene": "fire",
                },
            },
            {"h2": "Lực lượng tại chỗ là then chốt"},
            (
                "Theo Ban chỉ đạo diễn tập, điểm mới của lần này là sự tham gia của 40 thành "
                "viên tổ liên gia an toàn PCCC thuộc phường Lam Sơn và đội xe máy chữa cháy "
                "chuyên dụng có thể luồn qua các lối đi hẹp giữa các dãy hàng. Các tổ liên gia "
                "được giao nhiệm vụ báo cháy, sơ tán người già, trẻ nhỏ và di chuyển hàng hóa ra "
                "khỏi vùng nguy hiểm trong lúc chờ lực lượng chuyên nghiệp."
            ),
            (
                "Chợ trung tâm Lam Giang có hơn 1.100 hộ kinh doanh, hàng hóa chủ yếu là vải, "
                "quần áo, đồ nhựa và hàng khô, rất dễ cháy. Những năm gần đây, Ban quản lý chợ "
                "đã đầu tư hệ thống báo cháy tự động và 320 bình chữa cháy xách tay, tuy vậy "
                "nguy cơ cháy vẫn luôn tiềm ẩn."
            ),
            {
                "quote": (
                    "Năm phút đầu tiên quyết định một đám cháy có lan ra hay không. Nếu tiểu "
                    "thương biết dùng bình chữa cháy và giữ lối đi thông thoáng, thiệt hại sẽ "
                    "giảm đi rất nhiều."
                ),
            },
            (
                "Kết thúc diễn tập, lực lượng chức năng hướng dẫn tiểu thương cách sử dụng bình "
                "chữa cháy, kỹ năng thoát nạn trong môi trường nhiều khói và nhắc nhở không để "
                "hàng hóa lấn chiếm lối đi. Ban quản lý chợ cam kết sẽ tổ chức thực tập phương "
                "án chữa cháy định kỳ mỗi quý một lần."
            ),
        ],
        "authors": [3, 0],
        "section": "Phòng cháy chữa cháy",
        "tags": ["thành phố Lam Giang", "phường Lam Sơn", "diễn tập PCCC", "an toàn PCCC"],
        "campaigns": [],
        "days_ago": 1.1,
        "hour": 14,
        "minute": 30,
        "featured": True,
        "status": "published",
        "cover": {
            "caption": (
                "Diễn tập chữa cháy và cứu nạn, cứu hộ tại chợ trung tâm thành phố Lam Giang"
            ),
            "credit": "Ảnh: Phạm Quốc Huy",
            "alt": "Xe chữa cháy và lính cứu hỏa phun nước vào khu chợ",
            "scene": "fire",
        },
    },
    {
        "source_id": "demo-005",
        "title": (
            "Hơn 130.000 hồ sơ dịch vụ công được giải quyết trực tuyến nhờ định danh điện tử VNeID"
        ),
        "sapo": (
            "Sau 10 tháng triển khai chương trình chuyển đổi số theo Đề án 06, tỷ lệ hồ sơ thủ "
            "tục hành chính trong lĩnh vực công an được nộp trực tuyến tại tỉnh Sông Lam đã đạt "
            "78%."
        ),
        "paragraphs": [
            (
                "Theo số liệu của Phòng Quản lý hành chính về trật tự xã hội, tính đến ngày "
                "20/11, toàn tỉnh đã tiếp nhận và giải quyết hơn 130.000 hồ sơ dịch vụ công trực "
                "tuyến, chủ yếu là đăng ký thường trú, tạm trú, thông báo lưu trú và đăng ký xe. "
                "Người dân chỉ cần đăng nhập bằng tài khoản định danh điện tử mức 2 là có thể "
                "nộp hồ sơ mà không phải khai lại thông tin."
            ),
            (
                "Số tài khoản định danh điện tử được kích hoạt trên địa bàn tỉnh đạt 1.046.000, "
                "chiếm khoảng 84% số công dân từ 14 tuổi trở lên. Riêng trong tháng 11, công an "
                "các xã đã tổ chức 215 buổi làm việc ngoài giờ hành chính và tại nhà cho người "
                "cao tuổi, người khuyết tật."
            ),
            {
                "photo": {
                    "caption": (
                        "Cán bộ công an hướng dẫn người dân kích hoạt tài khoản định danh điện "
                        "tử trên điện thoại"
                    ),
                    "credit": "Ảnh: Trần Thị Thu Hà",
                    "alt": "",
                    "scene": "digital",
                },
            },
            {"h2": "Từ “một cửa” sang “không cần đến cửa”"},
            (
                "Ông Nguyễn Văn Tâm, trú tại phường Tân Giang, cho biết trước đây mỗi lần làm "
                "thủ tục phải xin nghỉ làm nửa ngày, còn nay chỉ mất chừng mười phút thao tác "
                "trên điện thoại. “Tôi đăng ký tạm trú cho con gái đi học xa ngay trong giờ nghỉ "
                "trưa, hai ngày sau đã có kết quả”, ông Tâm nói."
            ),
            (
                "Tuy vậy, ở các xã vùng cao như Nậm Khê, tỷ lệ nộp hồ sơ trực tuyến mới đạt "
                "khoảng 40% do hạn chế về thiết bị và sóng di động. Công an tỉnh đã phối hợp với "
                "các doanh nghiệp viễn thông lắp thêm 12 trạm phát sóng và bố trí điểm hỗ trợ "
                "tại trụ sở công an xã."
            ),
            (
                "Mục tiêu đến hết năm 2027 là 90% hồ sơ trong lĩnh vực công an được giải quyết "
                "trực tuyến toàn trình và mọi người dân có nhu cầu đều được hướng dẫn sử dụng "
                "tiện ích số. Để đạt mục tiêu này, Công an tỉnh sẽ tiếp tục rà soát, đơn giản "
                "hóa quy trình và tăng cường hỗ trợ tại chỗ cho người dân ở vùng sâu, vùng xa."
            ),
        ],
        "authors": [1],
        "section": "Chuyển đổi số",
        "tags": ["VNeID", "Đề án 06", "dịch vụ công trực tuyến", "phường Tân Giang", "xã Nậm Khê"],
        "campaigns": ["Chuyển đổi số Đề án 06 giai đoạn 2026–2027"],
        "days_ago": 1.5,
        "hour": 10,
        "minute": 20,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": "Bộ phận tiếp nhận hồ sơ thủ tục hành chính tại Công an tỉnh Sông Lam",
            "credit": "Ảnh: Trần Thị Thu Hà",
            "alt": "",
            "scene": "digital",
        },
    },
    {
        "source_id": "demo-006",
        "title": "Thiếu tá công an xã lao xuống dòng nước xiết cứu hai học sinh gặp nạn",
        "sapo": (
            "Chiều 23/11, trên đường đi công tác về, Thiếu tá Đỗ Văn Thành, Phó Trưởng Công an "
            "xã Yên Lạc đã không ngần ngại lao xuống sông Lam cứu hai học sinh bị nước cuốn "
            "trôi."
        ),
        "paragraphs": [
            (
                "Khoảng 16 giờ 30 phút, khi đi qua bến đò cũ thuộc thôn Yên Thịnh, Thiếu tá "
                "Thành nghe tiếng kêu cứu và thấy hai em nhỏ đang chới với giữa dòng, cách bờ "
                "khoảng 20 mét. Anh lập tức cởi áo, lao xuống nước, đưa từng em vào bờ với sự hỗ "
                "trợ của một người dân dùng sào tre."
            ),
            (
                "Hai em là học sinh lớp 6 của Trường THCS Yên Lạc, rủ nhau ra sông tắm sau giờ "
                "học, bị trượt chân xuống chỗ nước sâu. Sau khi được sơ cứu tại chỗ, cả hai đã "
                "tỉnh lại và được đưa về trạm y tế xã theo dõi, hiện sức khỏe ổn định."
            ),
            {
                "photo": {
                    "caption": (
                        "Khúc sông gần bến đò cũ thôn Yên Thịnh, nơi Thiếu tá Đỗ Văn Thành cứu "
                        "hai học sinh"
                    ),
                    "credit": "Ảnh: Nguyễn Văn An",
                    "alt": "",
                    "scene": "rescue",
                },
            },
            {
                "quote": (
                    "Lúc đó tôi chỉ nghĩ phải đưa được các cháu lên bờ, không kịp nghĩ gì khác. "
                    "Ai ở vị trí của tôi cũng sẽ làm như vậy."
                ),
            },
            (
                "Đây không phải lần đầu Thiếu tá Thành có hành động dũng cảm. Năm 2024, anh cùng "
                "đồng đội đã tham gia cứu 11 người dân bị cô lập trong đợt lũ lớn tại huyện Yên "
                "Hòa và được Giám đốc Công an tỉnh tặng Giấy khen."
            ),
            (
                "Ghi nhận hành động đẹp, Công an huyện Yên Hòa đã đề nghị cấp trên khen thưởng "
                "đột xuất cho Thiếu tá Đỗ Văn Thành. Nhà trường và chính quyền địa phương cũng "
                "nhắc nhở phụ huynh quản lý chặt chẽ con em, không để trẻ tự ý tắm sông, suối."
            ),
        ],
        "authors": [0],
        "section": "Gương người tốt việc tốt",
        "tags": ["huyện Yên Hòa", "xã Yên Lạc", "người tốt việc tốt", "đuối nước"],
        "campaigns": ["Vì an ninh Tổ quốc"],
        "days_ago": 1.9,
        "hour": 7,
        "minute": 50,
        "featured": True,
        "status": "published",
        "cover": {
            "caption": "Khu vực sông Lam đoạn chảy qua xã Yên Lạc, huyện Yên Hòa",
            "credit": "Ảnh: Nguyễn Văn An",
            "alt": "",
            "scene": "rescue",
        },
    },
    {
        "source_id": "demo-007",
        "title": (
            "Cảnh báo thủ đoạn giả danh công an gọi điện yêu cầu “cập nhật định danh” để chiếm "
            "đoạt tiền"
        ),
        "sapo": (
            "Từ đầu tháng 11, Công an tỉnh Sông Lam tiếp nhận 23 đơn trình báo của người dân bị "
            "lừa đảo với tổng số tiền hơn 2,1 tỷ đồng, phần lớn theo kịch bản giả danh cán bộ "
            "công an."
        ),
        "paragraphs": [
            (
                "Các đối tượng gọi điện cho nạn nhân, xưng là cán bộ công an phường, thông báo "
                "tài khoản định danh điện tử “bị lỗi” hoặc “cần nâng cấp lên mức 3”. Sau đó, "
                "chúng gửi đường link hoặc hướng dẫn cài đặt một ứng dụng giả mạo có giao diện "
                "gần giống ứng dụng VNeID."
            ),
            (
                "Khi nạn nhân cài đặt và cấp quyền, ứng dụng độc hại chiếm quyền điều khiển điện "
                "thoại, đọc tin nhắn chứa mã OTP và chuyển toàn bộ tiền trong tài khoản ngân "
                "hàng. Trường hợp thiệt hại lớn nhất là một cán bộ hưu trí ở phường Kỳ Lân bị "
                "mất 640 triệu đồng chỉ trong một buổi tối."
            ),
            {"h2": "Nguyên tắc “ba không” cần ghi nhớ"},
            (
                "Công an tỉnh khẳng định lực lượng công an không gọi điện yêu cầu người dân cập "
                "nhật thông tin định danh, không hướng dẫn cài đặt ứng dụng qua đường link và "
                "không yêu cầu chuyển tiền để “xác minh”. Ứng dụng VNeID chỉ được tải từ kho ứng "
                "dụng chính thức."
            ),
            {
                "photo": {
                    "caption": (
                        "Cán bộ Phòng An ninh mạng phân tích một ứng dụng giả mạo được các đối "
                        "tượng lừa đảo sử dụng"
                    ),
                    "credit": "Ảnh: Trần Thị Thu Hà",
                    "alt": "",
                    "scene": "digital",
                },
            },
            (
                "Khi nhận được cuộc gọi đáng ngờ, người dân nên dập máy và gọi lại cho công an "
                "xã, phường nơi cư trú để xác minh. Nếu lỡ cài đặt ứng dụng lạ, cần ngắt kết nối "
                "mạng, liên hệ ngay với ngân hàng để khóa tài khoản và trình báo cơ quan công "
                "an."
            ),
            (
                "Người cao tuổi là đối tượng bị nhắm tới nhiều nhất. Con cháu trong gia đình nên "
                "dành thời gian chia sẻ với ông bà, cha mẹ về các thủ đoạn này và cài đặt chế độ "
                "hạn chế cài ứng dụng trên điện thoại của người thân."
            ),
        ],
        "authors": [1],
        "section": "An ninh trật tự",
        "tags": ["lừa đảo qua mạng", "VNeID", "phường Kỳ Lân", "cảnh báo"],
        "campaigns": ["Đợt cao điểm tấn công trấn áp tội phạm cuối năm 2026"],
        "days_ago": 2.6,
        "hour": 16,
        "minute": 10,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": (
                "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao tiếp nhận tin "
                "báo lừa đảo"
            ),
            "credit": "Ảnh: Trần Thị Thu Hà",
            "alt": "",
            "scene": "digital",
        },
    },
    {
        "source_id": "demo-008",
        "title": (
            "Tuổi trẻ Công an tỉnh chung tay xây nhà nhân ái cho hộ nghèo ở xã vùng cao Nậm Khê"
        ),
        "sapo": (
            "Trong hai ngày cuối tuần, 60 đoàn viên thanh niên Công an tỉnh Sông Lam đã góp hơn "
            "300 ngày công, cùng người dân hoàn thiện hai ngôi nhà nhân ái tại bản Huổi Cang, xã "
            "Nậm Khê, huyện Mường Khê."
        ),
        "paragraphs": [
            (
                "Hai ngôi nhà được xây dựng cho gia đình ông Lò Văn Pản và bà Vi Thị Sen, đều là "
                "hộ nghèo, có hoàn cảnh đặc biệt khó khăn. Mỗi ngôi nhà rộng khoảng 50 m², kinh "
                "phí 70 triệu đồng, do đoàn viên thanh niên Công an tỉnh đóng góp và vận động "
                "các nhà hảo tâm."
            ),
            (
                "Đường vào bản Huổi Cang dài hơn 8 km, nhiều đoạn dốc, xe tải không vào được. "
                "Các đoàn viên đã chia nhau vận chuyển xi măng, gạch, tôn lợp bằng xe máy và gùi "
                "bộ, xuyên qua những con dốc trơn trượt sau mưa."
            ),
            {
                "photo": {
                    "caption": (
                        "Đoàn viên thanh niên Công an tỉnh cùng bà con bản Huổi Cang vận chuyển "
                        "vật liệu xây nhà"
                    ),
                    "credit": "Ảnh: Hoàng Thị Mai Lan",
                    "alt": "",
                    "scene": "community",
                },
            },
            (
                "Cùng với xây nhà, đoàn còn tổ chức khám bệnh, cấp thuốc miễn phí cho 180 người "
                "dân, tặng 120 suất quà cho học sinh và hướng dẫn bà con kích hoạt tài khoản "
                "định danh điện tử. Tối cùng ngày, đoàn tổ chức chương trình giao lưu văn nghệ "
                "với bà con và học sinh trong bản."
            ),
            {
                "quote": (
                    "Cả đời tôi chưa nghĩ có ngày được ở nhà xây. Các chú công an về bản như con "
                    "cháu trong nhà, làm từ sáng sớm đến tối mịt."
                ),
            },
            (
                "Đại diện Đoàn Thanh niên Công an tỉnh cho biết, từ đầu năm 2026 đến nay, tuổi "
                "trẻ Công an tỉnh đã xây dựng 9 ngôi nhà nhân ái, 3 điểm trường và nhận đỡ đầu "
                "45 học sinh có hoàn cảnh khó khăn tại các huyện miền núi. Trong năm 2027, đoàn "
                "dự kiến tiếp tục xây dựng thêm 10 ngôi nhà nhân ái tại các xã vùng cao."
            ),
        ],
        "authors": [5],
        "section": "Xây dựng lực lượng",
        "tags": ["huyện Mường Khê", "xã Nậm Khê", "thanh niên tình nguyện", "an sinh xã hội"],
        "campaigns": ["Vì an ninh Tổ quốc"],
        "days_ago": 3.4,
        "hour": 17,
        "minute": 45,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": (
                "Đoàn viên thanh niên Công an tỉnh và người dân bản Huổi Cang trước ngôi nhà "
                "nhân ái mới"
            ),
            "credit": "Ảnh: Hoàng Thị Mai Lan",
            "alt": "",
            "scene": "community",
        },
    },
    {
        "source_id": "demo-009",
        "title": "Công an xã Phú Thịnh mở cửa tiếp dân cả ngày thứ Bảy để làm căn cước",
        "sapo": (
            "Từ tháng 11, Công an xã Phú Thịnh, huyện Phú Lương duy trì tiếp nhận hồ sơ căn "
            "cước, cư trú vào sáng và chiều thứ Bảy hằng tuần, giúp người lao động không phải "
            "nghỉ việc để làm thủ tục."
        ),
        "paragraphs": [
            (
                "Xã Phú Thịnh có gần 4.000 người đang làm việc tại các khu công nghiệp trong và "
                "ngoài tỉnh, thường chỉ về nhà vào cuối tuần. Trước đây, nhiều người phải xin "
                "nghỉ làm, mất một ngày công chỉ để làm thủ tục cấp căn cước hoặc đăng ký thường "
                "trú cho con."
            ),
            (
                "Sau khi khảo sát nhu cầu, Công an xã quyết định bố trí hai tổ tiếp dân làm việc "
                "luân phiên vào thứ Bảy, đồng thời nhận đặt lịch hẹn qua nhóm Zalo của từng "
                "thôn. Mỗi buổi, tổ tiếp nhận trung bình 60 đến 80 hồ sơ."
            ),
            {
                "photo": {
                    "caption": (
                        "Người dân xếp hàng làm thủ tục cấp căn cước vào sáng thứ Bảy tại trụ sở "
                        "Công an xã Phú Thịnh"
                    ),
                    "credit": "Ảnh: Nguyễn Văn An",
                    "alt": "",
                    "scene": "community",
                },
            },
            (
                "Chị Lê Thị Hồng, công nhân một nhà máy may ở thị xã Bến Đá, vui vẻ cho biết chị "
                "đã làm xong căn cước cho cả hai con chỉ trong buổi sáng. “Trước đây nghe nói "
                "phải đi mấy lần, giờ đặt lịch trước nên đến là được làm ngay”, chị Hồng nói."
            ),
            (
                "Bên cạnh cấp căn cước, tổ công tác hướng dẫn người dân tích hợp giấy phép lái "
                "xe, thẻ bảo hiểm y tế vào ứng dụng VNeID và tra cứu kết quả giải quyết hồ sơ "
                "trực tuyến. Những trường hợp người già yếu, đi lại khó khăn được cán bộ đến tận "
                "nhà thu nhận hồ sơ."
            ),
            (
                "Mô hình của Công an xã Phú Thịnh đang được Công an huyện Phú Lương đề xuất nhân "
                "rộng tại các xã có đông người đi làm ăn xa trong năm 2027. Kinh phí thực hiện "
                "không lớn, chủ yếu là sự sắp xếp lại lịch trực hợp lý của cán bộ, chiến sĩ."
            ),
        ],
        "authors": [0],
        "section": "Cải cách hành chính",
        "tags": ["huyện Phú Lương", "xã Phú Thịnh", "căn cước", "công an xã", "Đề án 06"],
        "campaigns": ["Chuyển đổi số Đề án 06 giai đoạn 2026–2027"],
        "days_ago": 4.2,
        "hour": 11,
        "minute": 0,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": "Tổ tiếp dân Công an xã Phú Thịnh làm việc vào ngày thứ Bảy",
            "credit": "Ảnh: Nguyễn Văn An",
            "alt": "",
            "scene": "community",
        },
    },
    {
        "source_id": "demo-010",
        "title": (
            "Mười hai thôn, tổ dân phố được công nhận khu dân cư điển hình bảo vệ an ninh Tổ quốc"
        ),
        "sapo": (
            "Ủy ban nhân dân tỉnh Sông Lam vừa công nhận 12 thôn, tổ dân phố đạt danh hiệu khu "
            "dân cư điển hình trong phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2026."
        ),
        "paragraphs": [
            (
                "Các khu dân cư được công nhận đều duy trì ba năm liền không có tội phạm nghiêm "
                "trọng, không có người mới nghiện ma túy và có ít nhất một mô hình tự quản về an "
                "ninh trật tự hoạt động hiệu quả. Tiêu chí năm nay bổ sung yêu cầu 100% hộ gia "
                "đình có người được hướng dẫn nhận diện lừa đảo qua mạng."
            ),
            (
                "Tiêu biểu là tổ dân phố số 7, phường Tân Giang với mô hình “Camera an ninh kết "
                "nối cộng đồng”: 46 camera do người dân tự nguyện lắp đặt, chia sẻ hình ảnh với "
                "công an phường. Năm qua, dữ liệu từ các camera này giúp làm rõ 5 vụ trộm cắp "
                "tài sản."
            ),
            {
                "photo": {
                    "caption": (
                        "Đại diện lãnh đạo tỉnh trao bằng công nhận khu dân cư điển hình cho các "
                        "thôn, tổ dân phố"
                    ),
                    "credit": "Ảnh: Trần Thị Thu Hà",
                    "alt": "",
                    "scene": "ceremony",
                },
            },
            {"h2": "Sức mạnh từ những tổ tự quản"},
            (
                "Ở thôn Đông Hải, xã Hải Đông, thị xã Bến Đá, 24 tổ liên gia tự quản hoạt động "
                "theo nguyên tắc “nhà có việc, cả xóm cùng biết”. Các thành viên thay nhau tuần "
                "tra ban đêm vào mùa thu hoạch, khi nhiều gia đình để lúa, hải sản phơi ngoài "
                "sân."
            ),
            (
                "Tại buổi lễ, đại diện Công an tỉnh đề nghị các địa phương tiếp tục nhân rộng "
                "các mô hình hay, gắn phong trào toàn dân bảo vệ an ninh Tổ quốc với xây dựng "
                "nông thôn mới, đô thị văn minh. Mỗi khu dân cư điển hình được tặng Bằng công "
                "nhận và phần thưởng trị giá 10 triệu đồng."
            ),
        ],
        "authors": [1],
        "section": "Tin tức – Sự kiện",
        "tags": [
            "phong trào toàn dân bảo vệ ANTQ",
            "phường Tân Giang",
            "thị xã Bến Đá",
            "khu dân cư",
        ],
        "campaigns": ["Vì an ninh Tổ quốc"],
        "days_ago": 5.1,
        "hour": 15,
        "minute": 25,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": (
                "Lễ trao danh hiệu khu dân cư điển hình phong trào toàn dân bảo vệ an ninh Tổ "
                "quốc năm 2026"
            ),
            "credit": "Ảnh: Trần Thị Thu Hà",
            "alt": "",
            "scene": "ceremony",
        },
    },
    {
        "source_id": "demo-011",
        "title": "Giải cứu 12 người mắc kẹt trong đám cháy nhà ống lúc rạng sáng ở phường Lam Sơn",
        "sapo": (
            "Khoảng 2 giờ sáng 20/11, một ngôi nhà 5 tầng kết hợp kinh doanh trên đường Nguyễn "
            "Trãi, phường Lam Sơn bốc cháy. Lực lượng Cảnh sát PCCC và CNCH đã đưa 12 người ra "
            "ngoài an toàn."
        ),
        "paragraphs": [
            (
                "Đám cháy bắt đầu từ khu vực để xe máy ở tầng một, nơi gia đình kinh doanh đồ "
                "điện tử. Khói đen nhanh chóng lan theo cầu thang lên các tầng trên, trong khi "
                "các thành viên trong gia đình và người thuê trọ đang ngủ."
            ),
            (
                "Nhận tin báo qua số 114, Phòng Cảnh sát PCCC và CNCH điều động 6 xe chữa cháy, "
                "1 xe thang và 45 cán bộ, chiến sĩ tới hiện trường. Lực lượng chia làm hai mũi: "
                "một mũi dập lửa ở tầng một, một mũi dùng thang và dây cứu nạn tiếp cận từ ban "
                "công tầng ba, tầng bốn."
            ),
            {
                "photo": {
                    "caption": (
                        "Cán bộ, chiến sĩ sử dụng xe thang tiếp cận các tầng trên để đưa người "
                        "mắc kẹt ra ngoài"
                    ),
                    "credit": "Ảnh: Phạm Quốc Huy",
                    "alt": "",
                    "scene": "fire",
                },
            },
            (
                "Trong số 12 người được cứu có 3 trẻ em và một cụ bà 82 tuổi. Bốn người bị ngạt "
                "khói nhẹ được đưa đi cấp cứu, đến sáng cùng ngày đã ổn định sức khỏe."
            ),
            {"h2": "Lối thoát thứ hai cứu nhiều mạng người"},
            (
                "Theo lực lượng chữa cháy, việc chủ nhà đã mở lối thoát nạn ra ban công tầng "
                "bốn, thay vì bịt kín bằng khung sắt như nhiều nhà khác, giúp công tác cứu nạn "
                "thuận lợi hơn rất nhiều. Gia đình cũng đã được hướng dẫn kỹ năng thoát nạn "
                "trong đợt tuyên truyền hồi tháng 9."
            ),
            {
                "quote": (
                    "Nếu ban công bị bịt kín bằng lồng sắt, chúng tôi phải cắt phá mất vài phút. "
                    "Trong đám cháy có nhiều khói, vài phút đó là rất dài."
                ),
            },
            (
                "Vụ cháy đã thiêu rụi toàn bộ hàng hóa ở tầng một và nhiều tài sản ở tầng hai. "
                "Nguyên nhân đang được cơ quan chức năng điều tra làm rõ; ban đầu nghi do chập "
                "điện từ khu vực sạc xe điện."
            ),
        ],
        "authors": [3],
        "section": "Phòng cháy chữa cháy",
        "tags": ["phường Lam Sơn", "thành phố Lam Giang", "cứu nạn cứu hộ", "cháy nhà ống"],
        "campaigns": [],
        "days_ago": 6.3,
        "hour": 6,
        "minute": 30,
        "featured": True,
        "status": "published",
        "cover": {
            "caption": (
                "Hiện trường vụ cháy nhà ống trên đường Nguyễn Trãi, phường Lam Sơn rạng sáng 20/11"
            ),
            "credit": "Ảnh: Phạm Quốc Huy",
            "alt": "Lính cứu hỏa phun nước vào ngôi nhà đang cháy",
            "scene": "fire",
        },
    },
    {
        "source_id": "demo-012",
        "title": (
            "Xử lý 2.245 trường hợp vi phạm nồng độ cồn trong tháng 10, tai nạn giao thông giảm "
            "rõ rệt"
        ),
        "sapo": (
            "Số vụ tai nạn giao thông trên địa bàn tỉnh trong tháng 10 giảm 18% so với cùng kỳ, "
            "trong đó số vụ liên quan đến rượu bia giảm gần một phần ba."
        ),
        "paragraphs": [
            (
                "Trong tháng 10, lực lượng cảnh sát giao thông và công an các địa phương đã xử "
                "lý 2.245 trường hợp vi phạm nồng độ cồn, tạm giữ 2.180 phương tiện, nộp kho bạc "
                "hơn 9,6 tỷ đồng. Số trường hợp vi phạm giảm 7% so với tháng 9, cho thấy ý thức "
                "người tham gia giao thông có chuyển biến."
            ),
            (
                "Toàn tỉnh xảy ra 21 vụ tai nạn giao thông, làm chết 14 người, bị thương 17 "
                "người, giảm cả ba tiêu chí. Tuy nhiên, phần lớn các vụ tai nạn vẫn xảy ra vào "
                "khung giờ từ 18 giờ đến 23 giờ, trên các tuyến đường liên xã."
            ),
            {
                "photo": {
                    "caption": (
                        "Cảnh sát giao thông kiểm tra nồng độ cồn người điều khiển xe máy trên "
                        "tuyến đường liên xã"
                    ),
                    "credit": "Ảnh: Lê Minh Đức",
                    "alt": "",
                    "scene": "traffic",
                },
            },
            (
                "Đáng chú ý, nhiều trường hợp vi phạm là thanh niên dưới 25 tuổi, điều khiển xe "
                "sau các buổi liên hoan, sinh nhật. Một số trường hợp có hành vi chống đối, bỏ "
                "chạy khi bị yêu cầu dừng xe kiểm tra."
            ),
            (
                "Phòng Cảnh sát giao thông đã gửi thông báo vi phạm về cơ quan, đơn vị nơi công "
                "tác của 126 cán bộ, công chức, viên chức, người lao động vi phạm nồng độ cồn để "
                "phối hợp giáo dục. Nhiều cơ quan đã chủ động đưa việc chấp hành quy định về "
                "nồng độ cồn vào tiêu chí đánh giá, xếp loại cuối năm."
            ),
            (
                "Trong hai tháng cuối năm, lực lượng chức năng sẽ tiếp tục bố trí các tổ công "
                "tác cơ động, kiểm soát ở cả các tuyến đường nhỏ và khu vực gần nhà hàng, quán "
                "nhậu. Cùng với xử lý vi phạm, các đơn vị sẽ đẩy mạnh tuyên truyền trên loa phát "
                "thanh xã và các nhóm Zalo khu dân cư."
            ),
        ],
        "authors": [2, 4],
        "section": "Trật tự an toàn giao thông",
        "tags": ["nồng độ cồn", "tai nạn giao thông", "tuần tra kiểm soát", "an toàn giao thông"],
        "campaigns": ["Đợt cao điểm tấn công trấn áp tội phạm cuối năm 2026"],
        "days_ago": 7.5,
        "hour": 13,
        "minute": 40,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": "Lực lượng cảnh sát giao thông làm nhiệm vụ trên tuyến đường ven sông Lam",
            "credit": "Ảnh: Lê Minh Đức",
            "alt": "",
            "scene": "traffic",
        },
    },
    {
        "source_id": "demo-013",
        "title": "Triệt xóa nhóm cho vay lãi nặng tới 365% một năm ở thị xã Bến Đá",
        "sapo": (
            "Công an thị xã Bến Đá vừa khởi tố vụ án, bắt tạm giam 4 đối tượng về hành vi cho "
            "vay lãi nặng trong giao dịch dân sự, liên quan hơn 300 người vay trên địa bàn."
        ),
        "paragraphs": [
            (
                "Theo kết quả điều tra, từ đầu năm 2025, nhóm đối tượng thuê một ki-ốt nhỏ gần "
                "chợ Bến Đá, treo biển “hỗ trợ tài chính nhanh”, dán quảng cáo cho vay không cần "
                "thế chấp tại các khu nhà trọ công nhân. Người vay chỉ cần cung cấp căn cước và "
                "số điện thoại người thân là được giải ngân trong ngày."
            ),
            (
                "Nhóm này cho vay theo hình thức “bốc họ”, lãi suất từ 3.000 đến 10.000 đồng "
                "trên một triệu đồng mỗi ngày, tương đương 109% đến 365% một năm. Khi người vay "
                "chậm trả, các đối tượng gọi điện đe dọa, gửi tin nhắn bôi nhọ tới người thân và "
                "đồng nghiệp của họ."
            ),
            {
                "photo": {
                    "caption": (
                        "Lực lượng Công an thị xã Bến Đá khám xét địa điểm hoạt động của nhóm "
                        "cho vay lãi nặng"
                    ),
                    "credit": "Ảnh: Nguyễn Văn An",
                    "alt": "",
                    "scene": "patrol",
                },
            },
            (
                "Cơ quan điều tra đã thu giữ 14 cuốn sổ ghi chép, 9 điện thoại di động, nhiều "
                "hợp đồng vay tiền và hơn 420 triệu đồng tiền mặt. Tổng số tiền giải ngân được "
                "xác định khoảng 6,8 tỷ đồng, thu lợi bất chính hơn 1,9 tỷ đồng."
            ),
            {
                "quote": (
                    "Người dân khi cần vay vốn nên tìm đến ngân hàng, quỹ tín dụng nhân dân hoặc "
                    "các chương trình cho vay ưu đãi của địa phương, tuyệt đối không tìm đến tín "
                    "dụng đen."
                ),
            },
            (
                "Công an thị xã Bến Đá đề nghị những ai là bị hại của nhóm đối tượng trên liên "
                "hệ với Cơ quan cảnh sát điều tra để được hướng dẫn giải quyết theo quy định. "
                "Thông tin của người trình báo sẽ được giữ bí mật theo quy định."
            ),
        ],
        "authors": [0],
        "section": "An ninh trật tự",
        "tags": [
            "thị xã Bến Đá",
            "tín dụng đen",
            "cho vay lãi nặng",
            "cao điểm tấn công trấn áp tội phạm",
        ],
        "campaigns": ["Đợt cao điểm tấn công trấn áp tội phạm cuối năm 2026"],
        "days_ago": 9.0,
        "hour": 18,
        "minute": 5,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": "Lực lượng chức năng làm việc tại khu vực chợ Bến Đá",
            "credit": "Ảnh: Nguyễn Văn An",
            "alt": "",
            "scene": "patrol",
        },
    },
    {
        "source_id": "demo-014",
        "title": "Sôi nổi hội thi điều lệnh, võ thuật và bắn súng của cán bộ, chiến sĩ trẻ",
        "sapo": (
            "Hơn 200 vận động viên đến từ 28 đơn vị tham gia hội thi điều lệnh, võ thuật Công an "
            "nhân dân và bắn súng quân dụng năm 2026 của Công an tỉnh Sông Lam."
        ),
        "paragraphs": [
            (
                "Hội thi diễn ra trong ba ngày tại Trung tâm huấn luyện của Công an tỉnh, gồm "
                "các nội dung: điều lệnh đội ngũ từng người và phân đội, võ thuật Công an nhân "
                "dân, bắn súng ngắn và tìm hiểu kiến thức pháp luật. Đây là hoạt động nằm trong "
                "chương trình công tác năm nhằm nâng cao bản lĩnh, kỹ năng chiến đấu của lực "
                "lượng."
            ),
            (
                "Ở nội dung phân đội, các khối Cảnh sát cơ động và công an cấp huyện thể hiện sự "
                "đồng đều, động tác dứt khoát. Phần thi võ thuật thu hút sự quan tâm khi nhiều "
                "nữ chiến sĩ trẻ biểu diễn các thế khóa gỡ, tước vũ khí với tốc độ và độ chính "
                "xác cao."
            ),
            {
                "photo": {
                    "caption": "Các vận động viên đạt giải nhận cờ, hoa tại lễ bế mạc hội thi",
                    "credit": "Ảnh: Trần Thị Thu Hà",
                    "alt": "",
                    "scene": "ceremony",
                },
            },
            (
                "Kết quả chung cuộc, Phòng Cảnh sát cơ động giành giải nhất toàn đoàn, Công an "
                "huyện Phú Lương và Công an thành phố Lam Giang đồng giải nhì. Ban tổ chức cũng "
                "trao 24 giải cá nhân và chọn 12 vận động viên xuất sắc tham dự hội thi cấp Bộ."
            ),
            (
                "Phát biểu bế mạc, lãnh đạo Công an tỉnh đánh giá hội thi là dịp để mỗi đơn vị "
                "nhìn lại công tác huấn luyện thường xuyên, kịp thời khắc phục những hạn chế "
                "trước khi bước vào dịp cao điểm Tết Nguyên đán. Các đơn vị đạt giải được khen "
                "thưởng và sẽ là nòng cốt trong công tác huấn luyện năm 2027."
            ),
        ],
        "authors": [1],
        "section": "Xây dựng lực lượng",
        "tags": ["hội thi", "huấn luyện", "võ thuật", "thành phố Lam Giang"],
        "campaigns": ["Vì an ninh Tổ quốc"],
        "days_ago": 11.0,
        "hour": 16,
        "minute": 50,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": "Lễ bế mạc hội thi điều lệnh, võ thuật và bắn súng năm 2026",
            "credit": "Ảnh: Trần Thị Thu Hà",
            "alt": "",
            "scene": "ceremony",
        },
    },
    {
        "source_id": "demo-015",
        "title": (
            "Hệ thống 214 camera giám sát giúp phát hiện vi phạm giao thông và truy vết tội phạm"
        ),
        "sapo": (
            "Sau một năm đưa vào vận hành, hệ thống camera giám sát an ninh, trật tự tại các nút "
            "giao trọng điểm của thành phố Lam Giang đã ghi nhận hơn 31.000 trường hợp vi phạm "
            "giao thông."
        ),
        "paragraphs": [
            (
                "Hệ thống gồm 214 camera được lắp đặt tại 58 nút giao, tuyến phố và cửa ngõ ra "
                "vào thành phố, truyền hình ảnh về Trung tâm chỉ huy của Công an tỉnh. Một số "
                "camera được tích hợp chức năng nhận dạng biển số, phát hiện phương tiện vượt "
                "đèn đỏ, đi sai làn, đỗ sai quy định."
            ),
            (
                "Thông báo vi phạm được gửi tới chủ phương tiện qua ứng dụng VNeID và qua đường "
                "bưu điện, người vi phạm có thể nộp phạt trực tuyến mà không phải đến trụ sở. Tỷ "
                "lệ chấp hành nộp phạt đạt khoảng 72%, cao hơn nhiều so với hình thức gửi thông "
                "báo giấy trước đây."
            ),
            {
                "photo": {
                    "caption": (
                        "Cán bộ Trung tâm chỉ huy theo dõi hình ảnh từ hệ thống camera giám sát"
                    ),
                    "credit": "Ảnh: Lê Minh Đức",
                    "alt": "",
                    "scene": "digital",
                },
            },
            {"h2": "Không chỉ là “phạt nguội”"},
            (
                "Ngoài xử lý vi phạm giao thông, dữ liệu từ hệ thống camera đã hỗ trợ lực lượng "
                "điều tra làm rõ 38 vụ án, trong đó có các vụ cướp giật tài sản và gây tai nạn "
                "rồi bỏ chạy. Nhiều vụ được làm rõ chỉ sau vài giờ nhờ truy vết hành trình "
                "phương tiện."
            ),
            (
                "Trong năm 2027, Công an tỉnh đề xuất mở rộng hệ thống thêm 120 camera tại các "
                "huyện Phú Lương, Thạch Bình và thị xã Bến Đá, đồng thời kết nối với camera của "
                "các khu dân cư theo mô hình xã hội hóa. Việc mở rộng sẽ được thực hiện theo lộ "
                "trình, ưu tiên các tuyến đường thường xảy ra tai nạn và các điểm phức tạp về "
                "trật tự."
            ),
        ],
        "authors": [2],
        "section": "Chuyển đổi số",
        "tags": ["camera an ninh", "thành phố Lam Giang", "phạt nguội", "Đề án 06"],
        "campaigns": ["Chuyển đổi số Đề án 06 giai đoạn 2026–2027"],
        "days_ago": 12.5,
        "hour": 10,
        "minute": 35,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": "Màn hình giám sát tại Trung tâm chỉ huy Công an tỉnh Sông Lam",
            "credit": "Ảnh: Lê Minh Đức",
            "alt": "",
            "scene": "digital",
        },
    },
    {
        "source_id": "demo-016",
        "title": "Hơn 600 cán bộ, chiến sĩ giúp người dân Mường Khê khắc phục hậu quả lũ quét",
        "sapo": (
            "Sau trận lũ quét đêm 10/11, Công an tỉnh Sông Lam đã huy động hơn 600 cán bộ, chiến "
            "sĩ cùng nhiều phương tiện xuồng, ca nô tới các xã vùng lũ của huyện Mường Khê, sơ "
            "tán hơn 1.400 người dân."
        ),
        "paragraphs": [
            (
                "Mưa lớn kéo dài khiến nước suối Nậm Khê dâng cao đột ngột, nhiều đoạn đường bị "
                "sạt lở, bốn bản bị chia cắt hoàn toàn. Ngay trong đêm, lực lượng công an xã đã "
                "đi từng nhà vận động người dân di chuyển lên điểm cao, đưa người già, trẻ nhỏ "
                "tới nơi an toàn."
            ),
            (
                "Rạng sáng 11/11, các tổ cứu hộ của Phòng Cảnh sát PCCC và CNCH, Phòng Cảnh sát "
                "cơ động được điều động tới hiện trường với 8 xuồng máy và hàng trăm áo phao. "
                "Các tổ đã tiếp cận khu vực bị cô lập, đưa 37 người mắc kẹt ra ngoài và tiếp tế "
                "lương thực, nước uống."
            ),
            {
                "photo": {
                    "caption": (
                        "Xuồng cứu hộ của Công an tỉnh đưa người dân bản Huổi Cang ra khỏi vùng "
                        "ngập"
                    ),
                    "credit": "Ảnh: Phạm Quốc Huy",
                    "alt": "",
                    "scene": "rescue",
                },
            },
            {"h2": "Ở lại với dân sau khi nước rút"},
            (
                "Khi nước rút, hàng trăm cán bộ, chiến sĩ ở lại giúp người dân dọn bùn đất, dựng "
                "lại nhà cửa, khơi thông các tuyến đường bị vùi lấp. Lực lượng công an cũng hỗ "
                "trợ làm lại giấy tờ tùy thân bị mất, trôi cho 230 trường hợp ngay tại chỗ."
            ),
            {
                "photo": {
                    "caption": (
                        "Cán bộ, chiến sĩ giúp người dân dọn dẹp bùn đất sau lũ ở xã Nậm Khê"
                    ),
                    "credit": "Ảnh: Nguyễn Văn An",
                    "alt": "",
                    "scene": "community",
                },
            },
            {
                "quote": (
                    "Nhà tôi ngập đến mái, may có các anh công an đưa cả nhà lên trường học từ "
                    "lúc nước chưa lên cao. Giờ lại về giúp dọn nhà, tôi không biết cảm ơn thế "
                    "nào cho đủ."
                ),
            },
            (
                "Trận lũ đã làm 2 người chết, hơn 300 ngôi nhà bị ngập, hư hỏng. Công an tỉnh đã "
                "trích quỹ và vận động cán bộ, chiến sĩ quyên góp được 780 triệu đồng hỗ trợ các "
                "gia đình bị thiệt hại nặng."
            ),
        ],
        "authors": [0, 4],
        "section": "Tin tức – Sự kiện",
        "tags": ["huyện Mường Khê", "xã Nậm Khê", "mưa lũ", "cứu nạn cứu hộ"],
        "campaigns": ["Vì an ninh Tổ quốc"],
        "days_ago": 14.2,
        "hour": 20,
        "minute": 10,
        "featured": True,
        "status": "published",
        "cover": {
            "caption": (
                "Lực lượng Công an tỉnh sơ tán người dân khỏi vùng lũ quét ở huyện Mường Khê"
            ),
            "credit": "Ảnh: Phạm Quốc Huy",
            "alt": "Xuồng cứu hộ màu cam chở người dân trên dòng nước lũ",
            "scene": "rescue",
        },
    },
    {
        "source_id": "demo-017",
        "title": "Công an tỉnh và Bộ Chỉ huy Quân sự tỉnh ký quy chế phối hợp bảo vệ an ninh",
        "sapo": (
            "Quy chế mới xác định rõ trách nhiệm của mỗi lực lượng trong trao đổi thông tin, "
            "tuần tra, xử lý tình huống phức tạp và ứng phó thiên tai, thảm họa trên địa bàn "
            "tỉnh Sông Lam."
        ),
        "paragraphs": [
            (
                "Quy chế gồm 5 chương, 22 điều, thay thế quy chế được ký năm 2019. Điểm mới là "
                "cơ chế chia sẻ dữ liệu, thông tin qua hệ thống điện tử có bảo mật, giúp hai lực "
                "lượng cập nhật tình hình gần như theo thời gian thực."
            ),
            (
                "Hai bên thống nhất tổ chức tuần tra chung tại các khu vực giáp ranh, các tuyến "
                "sông và các địa bàn trọng điểm vào dịp lễ, Tết. Khi có thiên tai, lực lượng "
                "quân sự và công an sẽ thành lập sở chỉ huy chung tại hiện trường, thống nhất "
                "phân công nhiệm vụ tìm kiếm cứu nạn."
            ),
            {
                "photo": {
                    "caption": (
                        "Lãnh đạo Công an tỉnh và Bộ Chỉ huy Quân sự tỉnh ký kết quy chế phối hợp"
                    ),
                    "credit": "Ảnh: Nhóm PV",
                    "alt": "",
                    "scene": "meeting",
                },
            },
            (
                "Đánh giá giai đoạn thực hiện quy chế trước, hai lực lượng đã phối hợp tổ chức "
                "hơn 1.700 lượt tuần tra, bảo vệ an toàn 46 sự kiện chính trị, văn hóa lớn và "
                "cùng tham gia ứng phó 9 đợt mưa lũ. Nhiều vụ việc phức tạp ở khu vực giáp ranh "
                "đã được giải quyết nhanh chóng nhờ thông tin được trao đổi kịp thời."
            ),
            (
                "Lãnh đạo hai lực lượng cam kết chỉ đạo các đơn vị cấp dưới sớm cụ thể hóa quy "
                "chế bằng kế hoạch phối hợp ở từng huyện, xã, tránh tình trạng ký kết hình thức. "
                "Định kỳ sáu tháng, hai bên sẽ tổ chức giao ban để đánh giá kết quả và điều "
                "chỉnh nội dung phối hợp khi cần thiết."
            ),
        ],
        "authors": [4],
        "section": "Tin tức – Sự kiện",
        "tags": ["quy chế phối hợp", "thành phố Lam Giang", "tuần tra kiểm soát", "mưa lũ"],
        "campaigns": [],
        "days_ago": 16.0,
        "hour": 9,
        "minute": 45,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": (
                "Hội nghị ký kết quy chế phối hợp giữa Công an tỉnh và Bộ Chỉ huy Quân sự tỉnh "
                "Sông Lam"
            ),
            "credit": "Ảnh: Nhóm PV",
            "alt": "",
            "scene": "meeting",
        },
    },
    {
        "source_id": "demo-018",
        "title": "Người dân tự nguyện giao nộp 146 khẩu súng tự chế và nhiều vật liệu nổ",
        "sapo": (
            "Qua ba tháng vận động, công an các huyện miền núi của tỉnh Sông Lam đã tiếp nhận "
            "146 khẩu súng tự chế, 38 quả lựu đạn, mìn và hơn 12 kg thuốc nổ do người dân giao "
            "nộp."
        ),
        "paragraphs": [
            (
                "Nhiều khẩu súng kíp, súng hơi tự chế được người dân giữ lại từ nhiều năm trước "
                "để săn bắn, bảo vệ nương rẫy. Trong khi đó, một số quả lựu đạn, đạn pháo còn "
                "sót lại sau chiến tranh được người dân nhặt khi làm đất, cất giữ trong nhà mà "
                "không biết mức độ nguy hiểm."
            ),
            (
                "Để vận động hiệu quả, công an xã phối hợp với già làng, trưởng bản và người có "
                "uy tín đến từng gia đình tuyên truyền, giải thích quy định pháp luật và nguy cơ "
                "mất an toàn. Các buổi tuyên truyền được thực hiện bằng cả tiếng phổ thông và "
                "tiếng dân tộc."
            ),
            {
                "photo": {
                    "caption": (
                        "Già làng và người dân bản Huổi Cang giao nộp súng tự chế cho Công an xã "
                        "Nậm Khê"
                    ),
                    "credit": "Ảnh: Hoàng Thị Mai Lan",
                    "alt": "",
                    "scene": "community",
                },
            },
            {
                "quote": (
                    "Ngày trước ai cũng nghĩ khẩu súng kíp để đuổi thú rừng. Giờ cán bộ giải "
                    "thích rõ, bà con hiểu giữ trong nhà vừa phạm pháp, vừa dễ gây tai nạn cho "
                    "con cháu."
                ),
            },
            (
                "Toàn bộ vũ khí, vật liệu nổ được lực lượng chức năng tiếp nhận, bảo quản và "
                "tiêu hủy theo quy định. Các trường hợp tự nguyện giao nộp đều được miễn trách "
                "nhiệm và được khen ngợi trước cộng đồng."
            ),
            (
                "Công an tỉnh đề nghị người dân khi phát hiện bom, mìn, vật liệu nổ tuyệt đối "
                "không tự ý di chuyển, tháo gỡ mà báo ngay cho chính quyền hoặc công an nơi gần "
                "nhất. Việc xử lý bom, mìn phải do lực lượng chuyên môn thực hiện để bảo đảm an "
                "toàn tuyệt đối."
            ),
        ],
        "authors": [5],
        "section": "An ninh trật tự",
        "tags": [
            "huyện Mường Khê",
            "xã Nậm Khê",
            "vũ khí vật liệu nổ",
            "phong trào toàn dân bảo vệ ANTQ",
        ],
        "campaigns": ["Vì an ninh Tổ quốc"],
        "days_ago": 18.3,
        "hour": 14,
        "minute": 0,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": (
                "Buổi tiếp nhận vũ khí, vật liệu nổ do người dân giao nộp tại huyện Mường Khê"
            ),
            "credit": "Ảnh: Hoàng Thị Mai Lan",
            "alt": "",
            "scene": "community",
        },
    },
    {
        "source_id": "demo-019",
        "title": "Nữ công an xã mười lăm năm kiên trì giúp người nghiện trở về với gia đình",
        "sapo": (
            "Trong mười lăm năm công tác, Trung tá Bùi Thị Nga, Công an xã Thạch Sơn, huyện "
            "Thạch Bình đã trực tiếp giúp đỡ 42 người nghiện ma túy cai nghiện thành công và tìm "
            "được việc làm ổn định."
        ),
        "paragraphs": [
            (
                "Xã Thạch Sơn từng là một trong những “điểm nóng” về ma túy của huyện Thạch "
                "Bình. Khi chị Nga về nhận công tác, trong xã có hơn 60 người nghiện, nhiều gia "
                "đình khánh kiệt, con cái bỏ học."
            ),
            (
                "Chị chọn cách gần gũi, lắng nghe, đến nhà trò chuyện với từng người nghiện và "
                "gia đình họ. Với những người đã hoàn thành cai nghiện, chị vận động doanh "
                "nghiệp nhận vào làm việc, kết nối vay vốn ưu đãi để họ chăn nuôi, buôn bán nhỏ."
            ),
            {
                "photo": {
                    "caption": (
                        "Trung tá Bùi Thị Nga thăm một gia đình có người đã cai nghiện thành "
                        "công ở xã Thạch Sơn"
                    ),
                    "credit": "Ảnh: Nguyễn Văn An",
                    "alt": "",
                    "scene": "community",
                },
            },
            (
                "Anh Đ., 38 tuổi, từng có hơn mười năm nghiện ma túy, nay là chủ một xưởng mộc "
                "nhỏ với 5 công nhân. Anh kể, có lần bỏ nhà đi, chính chị Nga đã tìm đến tận "
                "nơi, thuyết phục anh trở về vì đứa con gái đang học lớp một."
            ),
            {
                "quote": (
                    "Người nghiện cũng là con em của mình. Chỉ cần có một người tin tưởng và "
                    "không bỏ rơi, nhiều người sẽ tìm được đường quay về."
                ),
            },
            (
                "Với những đóng góp bền bỉ, Trung tá Bùi Thị Nga đã được Bộ trưởng Bộ Công an "
                "tặng Bằng khen và được Công an tỉnh đề cử là gương điển hình tiên tiến trong "
                "phong trào thi đua “Vì an ninh Tổ quốc” năm 2026. Dù vậy, chị vẫn khiêm tốn cho "
                "rằng thành công là nhờ sự đồng lòng của cả hệ thống chính trị xã và những gia "
                "đình không bỏ cuộc."
            ),
        ],
        "authors": [0],
        "section": "Gương người tốt việc tốt",
        "tags": ["huyện Thạch Bình", "xã Thạch Sơn", "người tốt việc tốt", "ma túy"],
        "campaigns": ["Vì an ninh Tổ quốc"],
        "days_ago": 20.4,
        "hour": 8,
        "minute": 30,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": "Trung tá Bùi Thị Nga trò chuyện cùng người dân xã Thạch Sơn",
            "credit": "Ảnh: Nguyễn Văn An",
            "alt": "",
            "scene": "community",
        },
    },
    {
        "source_id": "demo-020",
        "title": (
            "Tặng 3.500 mũ bảo hiểm đạt chuẩn và đưa bài học an toàn giao thông vào trường tiểu học"
        ),
        "sapo": (
            "Phòng Cảnh sát giao thông phối hợp với Sở Giáo dục và Đào tạo tổ chức chương trình "
            "“Cổng trường an toàn giao thông” tại 40 trường tiểu học trên địa bàn tỉnh."
        ),
        "paragraphs": [
            (
                "Tại mỗi trường, cán bộ cảnh sát giao thông trực tiếp hướng dẫn học sinh cách "
                "đội mũ bảo hiểm đúng cách, nhận biết biển báo và kỹ năng sang đường an toàn. "
                "Các em được thực hành trên sa hình thu nhỏ dựng ngay tại sân trường."
            ),
            (
                "Chương trình đã trao tặng 3.500 mũ bảo hiểm đạt chuẩn cho học sinh lớp 1 và lớp "
                "2, đặc biệt ưu tiên các trường ở vùng nông thôn, nơi nhiều em được cha mẹ chở "
                "bằng xe máy đến trường. Mỗi chiếc mũ đều có tem hợp quy và được điều chỉnh vừa "
                "vặn với đầu của từng em ngay tại buổi trao tặng."
            ),
            {
                "photo": {
                    "caption": (
                        "Học sinh tiểu học thực hành đi đúng phần đường dưới sự hướng dẫn của "
                        "cảnh sát giao thông"
                    ),
                    "credit": "Ảnh: Lê Minh Đức",
                    "alt": "",
                    "scene": "traffic",
                },
            },
            (
                "Khảo sát của Phòng Cảnh sát giao thông cho thấy vẫn còn khoảng 15% trẻ em ngồi "
                "sau xe máy không đội mũ bảo hiểm khi đến trường, tập trung ở các tuyến đường "
                "liên thôn. Nhiều phụ huynh chủ quan vì quãng đường ngắn."
            ),
            (
                "Bên cạnh buổi ngoại khóa, các trường được cung cấp bộ tài liệu tranh ảnh để "
                "lồng ghép vào giờ sinh hoạt lớp. Nhà trường cũng phối hợp với công an xã bố trí "
                "người hướng dẫn giao thông tại cổng trường vào giờ tan học."
            ),
        ],
        "authors": [2],
        "section": "Trật tự an toàn giao thông",
        "tags": ["học sinh", "mũ bảo hiểm", "an toàn giao thông", "huyện Yên Hòa"],
        "campaigns": [],
        "days_ago": 23.0,
        "hour": 15,
        "minute": 15,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": (
                "Chương trình “Cổng trường an toàn giao thông” tại một trường tiểu học ở huyện "
                "Yên Hòa"
            ),
            "credit": "Ảnh: Lê Minh Đức",
            "alt": "",
            "scene": "traffic",
        },
    },
    {
        "source_id": "demo-021",
        "title": "Tạm đình chỉ 9 cơ sở karaoke, nhà trọ không bảo đảm an toàn phòng cháy",
        "sapo": (
            "Qua đợt kiểm tra 176 cơ sở karaoke, quán bar và nhà trọ nhiều tầng, lực lượng Cảnh "
            "sát PCCC và CNCH phát hiện nhiều vi phạm nghiêm trọng về lối thoát nạn và hệ thống "
            "báo cháy."
        ),
        "paragraphs": [
            (
                "Các vi phạm phổ biến là không bố trí lối thoát nạn thứ hai, sử dụng vật liệu dễ "
                "cháy để trang trí, tiêu âm, hệ thống báo cháy tự động không hoạt động và không "
                "có người trực. Một số nhà trọ bịt kín ban công bằng khung sắt, lồng cố định "
                "không có cửa mở thoát hiểm."
            ),
            (
                "Lực lượng chức năng đã lập biên bản 48 cơ sở, xử phạt hành chính tổng số tiền "
                "hơn 560 triệu đồng; tạm đình chỉ hoạt động 9 cơ sở có nguy cơ cháy nổ cao cho "
                "đến khi khắc phục xong. Các cơ sở còn lại được hướng dẫn khắc phục trong thời "
                "hạn 30 ngày và sẽ được kiểm tra lại."
            ),
            {
                "photo": {
                    "caption": (
                        "Cán bộ Cảnh sát PCCC kiểm tra hệ thống báo cháy tại một cơ sở karaoke"
                    ),
                    "credit": "Ảnh: Phạm Quốc Huy",
                    "alt": "",
                    "scene": "fire",
                },
            },
            {"h2": "Chủ cơ sở phải chịu trách nhiệm"},
            (
                "Theo quy định, người đứng đầu cơ sở kinh doanh chịu trách nhiệm trực tiếp về "
                "công tác phòng cháy, chữa cháy tại cơ sở mình. Với nhà trọ, chủ nhà phải trang "
                "bị bình chữa cháy, đèn chiếu sáng sự cố và hướng dẫn người thuê cách thoát nạn."
            ),
            (
                "Đợt kiểm tra sẽ tiếp tục kéo dài đến hết tháng 12, tập trung vào các nhà trọ "
                "quanh khu công nghiệp Tân Lập và khu vực trung tâm thành phố Lam Giang. Người "
                "dân phát hiện cơ sở vi phạm nghiêm trọng về phòng cháy có thể báo tin cho công "
                "an xã, phường nơi gần nhất."
            ),
        ],
        "authors": [3],
        "section": "Phòng cháy chữa cháy",
        "tags": ["an toàn PCCC", "karaoke", "nhà trọ", "huyện Tân Lập"],
        "campaigns": ["Đợt cao điểm tấn công trấn áp tội phạm cuối năm 2026"],
        "days_ago": 26.2,
        "hour": 11,
        "minute": 20,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": (
                "Lực lượng Cảnh sát PCCC kiểm tra an toàn phòng cháy tại khu nhà trọ gần khu "
                "công nghiệp Tân Lập"
            ),
            "credit": "Ảnh: Phạm Quốc Huy",
            "alt": "",
            "scene": "fire",
        },
    },
    {
        "source_id": "demo-022",
        "title": "Đăng ký xe trực tuyến toàn trình, người dân nhận biển số ngay tại công an xã",
        "sapo": (
            "Từ tháng 8, người dân tỉnh Sông Lam có thể đăng ký xe máy mới hoàn toàn trên Cổng "
            "dịch vụ công, sau đó đến công an xã nơi cư trú để bấm biển số và nhận chứng nhận "
            "đăng ký."
        ),
        "paragraphs": [
            (
                "Trước đây, người dân ở các xã xa trung tâm phải di chuyển hàng chục kilômét đến "
                "công an huyện để đăng ký xe, có khi phải chờ đợi cả buổi. Nay, toàn bộ thông "
                "tin về chủ xe, phiếu kiểm định xuất xưởng và lệ phí trước bạ được kết nối điện "
                "tử."
            ),
            (
                "Sau ba tháng thực hiện, công an các xã trên địa bàn tỉnh đã đăng ký mới cho hơn "
                "18.600 xe máy, trong đó 74% hồ sơ được nộp trực tuyến toàn trình. Thời gian "
                "giải quyết trung bình rút xuống còn khoảng 1 giờ 30 phút kể từ khi người dân có "
                "mặt tại trụ sở."
            ),
            {
                "photo": {
                    "caption": (
                        "Cán bộ Công an xã Tân Hòa hướng dẫn người dân nộp hồ sơ đăng ký xe trên "
                        "Cổng dịch vụ công"
                    ),
                    "credit": "Ảnh: Trần Thị Thu Hà",
                    "alt": "",
                    "scene": "digital",
                },
            },
            (
                "Anh Vũ Văn Hậu, trú tại xã Tân Hòa, huyện Tân Lập, cho biết anh ngồi ở nhà điền "
                "hồ sơ, thanh toán lệ phí qua ứng dụng ngân hàng rồi hẹn lịch đến công an xã. "
                "“Tôi chỉ mất chưa đến một tiếng là có biển số, rất tiện”, anh nói."
            ),
            (
                "Công an tỉnh lưu ý người dân chỉ thực hiện thủ tục qua Cổng dịch vụ công quốc "
                "gia hoặc ứng dụng VNeID, không nhờ người lạ làm hộ và không cung cấp mã OTP cho "
                "bất kỳ ai. Mọi khoản lệ phí đều được thanh toán trực tuyến và có biên lai điện "
                "tử gửi về tài khoản của người nộp."
            ),
        ],
        "authors": [1],
        "section": "Cải cách hành chính",
        "tags": ["đăng ký xe", "dịch vụ công trực tuyến", "huyện Tân Lập", "xã Tân Hòa"],
        "campaigns": ["Chuyển đổi số Đề án 06 giai đoạn 2026–2027"],
        "days_ago": 29.0,
        "hour": 9,
        "minute": 10,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": "Bộ phận đăng ký xe tại trụ sở Công an xã Tân Hòa, huyện Tân Lập",
            "credit": "Ảnh: Trần Thị Thu Hà",
            "alt": "",
            "scene": "digital",
        },
    },
    {
        "source_id": "demo-023",
        "title": "Những buổi học “dùng điện thoại” đặc biệt dành cho người cao tuổi ở xã Yên Lạc",
        "sapo": (
            "Mỗi tối thứ Tư, nhà văn hóa thôn Yên Thịnh lại sáng đèn với lớp học hướng dẫn người "
            "cao tuổi sử dụng ứng dụng VNeID và nhận diện cuộc gọi lừa đảo do Công an xã Yên Lạc "
            "phối hợp Đoàn Thanh niên tổ chức."
        ),
        "paragraphs": [
            (
                "Lớp học không có bảng đen, chỉ có những chiếc điện thoại và các “thầy giáo” là "
                "đoàn viên thanh niên, chiến sĩ công an xã. Mỗi học viên được một người kèm "
                "riêng, hướng dẫn chậm rãi từng thao tác: mở ứng dụng, đăng nhập, xem thẻ căn "
                "cước điện tử, tích hợp thẻ bảo hiểm y tế."
            ),
            (
                "Bà Trịnh Thị Liên, 71 tuổi, cho biết trước đây bà sợ bấm nhầm nên không dám "
                "dùng điện thoại ngoài nghe gọi. Sau ba buổi học, bà đã tự mở được thẻ bảo hiểm "
                "y tế trên điện thoại khi đi khám bệnh."
            ),
            {
                "photo": {
                    "caption": (
                        "Đoàn viên thanh niên hướng dẫn người cao tuổi sử dụng ứng dụng VNeID "
                        "tại nhà văn hóa thôn Yên Thịnh"
                    ),
                    "credit": "Ảnh: Hoàng Thị Mai Lan",
                    "alt": "",
                    "scene": "community",
                },
            },
            (
                "Một nội dung quan trọng của lớp học là nhận diện các cuộc gọi lừa đảo. Các học "
                "viên được nghe lại những đoạn hội thoại mô phỏng, học cách đặt câu hỏi ngược "
                "lại và ghi nhớ số điện thoại của công an xã để gọi xác minh."
            ),
            {
                "quote": (
                    "Chúng tôi dặn các cụ: ai gọi bảo chuyển tiền, dù xưng là ai, cũng cứ cúp "
                    "máy rồi gọi cho con cháu hoặc cho công an xã."
                ),
            },
            (
                "Sau hai tháng, đã có 210 người cao tuổi tham gia lớp học. Mô hình đang được "
                "Công an huyện Yên Hòa khuyến khích các xã khác học tập, điều chỉnh cho phù hợp "
                "với điều kiện từng địa phương."
            ),
        ],
        "authors": [5],
        "section": "Chuyển đổi số",
        "tags": ["huyện Yên Hòa", "xã Yên Lạc", "VNeID", "người cao tuổi", "lừa đảo qua mạng"],
        "campaigns": ["Chuyển đổi số Đề án 06 giai đoạn 2026–2027"],
        "days_ago": 33.0,
        "hour": 19,
        "minute": 30,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": "Lớp học sử dụng điện thoại thông minh cho người cao tuổi ở xã Yên Lạc",
            "credit": "Ảnh: Hoàng Thị Mai Lan",
            "alt": "",
            "scene": "community",
        },
    },
    {
        "source_id": "demo-024",
        "title": "Khánh thành trụ sở làm việc mới của Công an xã Tân Hòa sau sáu tháng xây dựng",
        "sapo": (
            "Trụ sở mới của Công an xã Tân Hòa, huyện Tân Lập có tổng diện tích sàn hơn 500 m², "
            "gồm khu tiếp công dân, phòng làm việc, phòng trực ban và khu ở tập thể cho cán bộ, "
            "chiến sĩ."
        ),
        "paragraphs": [
            (
                "Công trình được khởi công từ tháng 4/2026 với tổng kinh phí khoảng 5,2 tỷ đồng "
                "từ ngân sách tỉnh và nguồn đóng góp của các doanh nghiệp trong khu công nghiệp "
                "Tân Lập. Trụ sở được thiết kế theo mẫu thống nhất, bảo đảm điều kiện làm việc "
                "và tiếp dân thuận lợi."
            ),
            (
                "Khu tiếp công dân rộng rãi, có ghế chờ, máy lấy số thứ tự và máy tính hỗ trợ "
                "người dân tự nộp hồ sơ trực tuyến. Đây là một trong 31 trụ sở công an xã được "
                "đầu tư xây mới trên địa bàn tỉnh trong giai đoạn 2025–2026."
            ),
            {
                "photo": {
                    "caption": "Các đại biểu cắt băng khánh thành trụ sở Công an xã Tân Hòa",
                    "credit": "Ảnh: Nhóm PV",
                    "alt": "",
                    "scene": "ceremony",
                },
            },
            (
                "Xã Tân Hòa có hơn 11.000 nhân khẩu, trong đó khoảng 4.500 người là lao động từ "
                "nơi khác đến thuê trọ làm việc tại khu công nghiệp. Tình hình an ninh trật tự "
                "vì vậy khá phức tạp, đòi hỏi lực lượng công an xã phải bám sát địa bàn cả ngày "
                "lẫn đêm."
            ),
            (
                "Phát biểu tại buổi lễ, lãnh đạo Công an huyện Tân Lập yêu cầu cán bộ, chiến sĩ "
                "Công an xã Tân Hòa giữ gìn, khai thác hiệu quả cơ sở vật chất mới, nâng cao "
                "chất lượng phục vụ nhân dân. Đại diện các doanh nghiệp cũng cam kết tiếp tục "
                "phối hợp với công an xã trong quản lý lao động và giữ gìn trật tự khu nhà trọ."
            ),
        ],
        "authors": [4],
        "section": "Xây dựng lực lượng",
        "tags": ["huyện Tân Lập", "xã Tân Hòa", "công an xã", "trụ sở"],
        "campaigns": [],
        "days_ago": 37.0,
        "hour": 10,
        "minute": 0,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": "Lễ khánh thành trụ sở làm việc Công an xã Tân Hòa",
            "credit": "Ảnh: Nhóm PV",
            "alt": "",
            "scene": "ceremony",
        },
    },
    {
        "source_id": "demo-025",
        "title": "Phá đường dây đánh bạc qua mạng với số tiền giao dịch hơn 48 tỷ đồng",
        "sapo": (
            "Phòng Cảnh sát hình sự phối hợp Phòng An ninh mạng và phòng, chống tội phạm sử dụng "
            "công nghệ cao vừa triệt phá đường dây tổ chức đánh bạc qua mạng do một nhóm đối "
            "tượng ở thành phố Lam Giang điều hành."
        ),
        "paragraphs": [
            (
                "Nhóm đối tượng thuê tên miền, máy chủ ở nước ngoài để vận hành các trang cá "
                "cược bóng đá, đồng thời lập hàng trăm tài khoản “đại lý” để lôi kéo người chơi. "
                "Tiền đặt cược được chuyển qua nhiều tài khoản ngân hàng thuê, mua của người "
                "khác nhằm che giấu dòng tiền."
            ),
            (
                "Sau hơn bốn tháng xác lập chuyên án, ngày 14/10, lực lượng chức năng đồng loạt "
                "khám xét 6 địa điểm, bắt giữ 9 đối tượng, thu giữ 27 máy tính, điện thoại, hơn "
                "60 thẻ ngân hàng và nhiều tài liệu liên quan. Một số đối tượng đã tìm cách xóa "
                "dữ liệu trên điện thoại khi lực lượng chức năng ập vào nhưng không kịp."
            ),
            {
                "photo": {
                    "caption": (
                        "Cán bộ Phòng An ninh mạng trích xuất dữ liệu từ máy tính thu giữ của "
                        "đường dây đánh bạc"
                    ),
                    "credit": "Ảnh: Trần Thị Thu Hà",
                    "alt": "",
                    "scene": "digital",
                },
            },
            {"h2": "Cho thuê tài khoản ngân hàng là vi phạm pháp luật"},
            (
                "Quá trình điều tra xác định có hơn 140 tài khoản ngân hàng đứng tên sinh viên, "
                "công nhân được đường dây mua lại với giá từ 500.000 đến 2 triệu đồng mỗi tài "
                "khoản. Những người bán, cho thuê tài khoản có thể bị xử lý theo quy định của "
                "pháp luật."
            ),
            (
                "Cơ quan công an khuyến cáo người dân không tham gia cá độ, đánh bạc qua mạng "
                "dưới bất kỳ hình thức nào; tuyệt đối không mua bán, cho thuê, cho mượn tài "
                "khoản ngân hàng và thông tin cá nhân. Người mua bán tài khoản để phục vụ hoạt "
                "động phạm tội có thể phải chịu trách nhiệm hình sự với vai trò đồng phạm."
            ),
        ],
        "authors": [1, 4],
        "section": "An ninh trật tự",
        "tags": [
            "đánh bạc qua mạng",
            "thành phố Lam Giang",
            "tài khoản ngân hàng",
            "cao điểm tấn công trấn áp tội phạm",
        ],
        "campaigns": ["Đợt cao điểm tấn công trấn áp tội phạm cuối năm 2026"],
        "days_ago": 42.0,
        "hour": 17,
        "minute": 0,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": "Tang vật thu giữ trong chuyên án đánh bạc qua mạng",
            "credit": "Ảnh: Trần Thị Thu Hà",
            "alt": "",
            "scene": "digital",
        },
    },
    {
        "source_id": "demo-026",
        "title": "Rộn ràng Ngày hội toàn dân bảo vệ an ninh Tổ quốc ở xã ven sông Yên Lạc",
        "sapo": (
            "Ngày hội năm nay có sự tham gia của hơn 800 người dân cùng các hoạt động văn nghệ, "
            "thi tìm hiểu pháp luật và biểu dương 15 tập thể, cá nhân có thành tích trong phong "
            "trào."
        ),
        "paragraphs": [
            (
                "Từ sáng sớm, sân vận động xã Yên Lạc đã rợp cờ hoa. Các đội văn nghệ của 9 thôn "
                "mang đến những tiết mục tự dàn dựng về chủ đề giữ gìn an ninh xóm làng, phòng "
                "chống ma túy và an toàn giao thông."
            ),
            (
                "Phần thi tìm hiểu pháp luật thu hút đông đảo người dân, nhất là các câu hỏi "
                "tình huống về lừa đảo qua mạng và phòng cháy trong gia đình. Nhiều cụ cao tuổi "
                "hăng hái giơ tay trả lời, khiến không khí ngày hội thêm sôi nổi."
            ),
            {
                "photo": {
                    "caption": (
                        "Người dân xã Yên Lạc tham gia Ngày hội toàn dân bảo vệ an ninh Tổ quốc"
                    ),
                    "credit": "Ảnh: Nguyễn Văn An",
                    "alt": "",
                    "scene": "community",
                },
            },
            (
                "Năm qua, người dân xã Yên Lạc đã cung cấp cho cơ quan công an 47 nguồn tin có "
                "giá trị, giúp phát hiện, xử lý 12 vụ việc vi phạm pháp luật. Địa bàn xã không "
                "có tội phạm nghiêm trọng, không phát sinh người nghiện mới."
            ),
            {
                "quote": (
                    "An ninh ở thôn xóm không chỉ là việc của công an. Khi mỗi nhà để ý một "
                    "chút, kẻ gian sẽ không còn chỗ lọt vào."
                ),
            },
            (
                "Tại ngày hội, Ủy ban nhân dân xã đã khen thưởng 6 tập thể và 9 cá nhân, trong "
                "đó có những người dân trực tiếp giúp lực lượng công an bắt giữ đối tượng trộm "
                "cắp tài sản. Ngày hội khép lại bằng màn đồng diễn của hơn 200 học sinh Trường "
                "THCS Yên Lạc."
            ),
        ],
        "authors": [0],
        "section": "Tin tức – Sự kiện",
        "tags": ["huyện Yên Hòa", "xã Yên Lạc", "phong trào toàn dân bảo vệ ANTQ", "khu dân cư"],
        "campaigns": ["Vì an ninh Tổ quốc"],
        "days_ago": 55.0,
        "hour": 16,
        "minute": 0,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": (
                "Biểu dương tập thể, cá nhân tiêu biểu tại Ngày hội toàn dân bảo vệ an ninh Tổ "
                "quốc xã Yên Lạc"
            ),
            "credit": "Ảnh: Nguyễn Văn An",
            "alt": "",
            "scene": "ceremony",
        },
    },
    {
        "source_id": "demo-027",
        "title": "Năm kỹ năng thoát nạn mỗi gia đình sống trong nhà ống cần biết",
        "sapo": (
            "Phần lớn các vụ cháy gây thương vong ở đô thị xảy ra tại nhà ống, nhà nhiều tầng "
            "kết hợp kinh doanh. Cảnh sát PCCC tỉnh Sông Lam hướng dẫn những kỹ năng cơ bản giúp "
            "các gia đình chủ động thoát nạn."
        ),
        "paragraphs": [
            (
                "Thứ nhất, mỗi gia đình cần có lối thoát nạn thứ hai qua ban công, mái nhà hoặc "
                "nhà bên cạnh. Nếu đã lắp lồng sắt, khung bảo vệ, phải làm cửa mở được từ bên "
                "trong và để chìa khóa ở vị trí cố định, dễ lấy."
            ),
            (
                "Thứ hai, không để xe máy, xe đạp điện và hàng hóa dễ cháy chắn lối đi ở tầng "
                "một; không sạc xe điện qua đêm mà không có người trông coi. Nên lắp thiết bị "
                "báo cháy, báo khói độc lập, giá chỉ vài trăm nghìn đồng."
            ),
            {"h2": "Khi đám cháy đã xảy ra"},
            (
                "Thứ ba, khi phát hiện cháy, cần hô hoạn, ngắt điện và gọi ngay số 114. Nếu lửa "
                "còn nhỏ, dùng bình chữa cháy, chăn ướt để dập; nếu lửa đã lớn, phải thoát ra "
                "ngoài ngay, không quay lại lấy tài sản."
            ),
            (
                "Thứ tư, di chuyển thấp người, dùng khăn ướt che mũi miệng vì khói là nguyên "
                "nhân chính gây tử vong trong các vụ cháy. Trước khi mở cửa, dùng mu bàn tay "
                "kiểm tra tay nắm; nếu nóng, tuyệt đối không mở."
            ),
            {
                "photo": {
                    "caption": (
                        "Cán bộ Cảnh sát PCCC hướng dẫn người dân sử dụng bình chữa cháy xách tay"
                    ),
                    "credit": "Ảnh: Phạm Quốc Huy",
                    "alt": "",
                    "scene": "fire",
                },
            },
            (
                "Thứ năm, nếu không thể thoát ra, hãy vào phòng có cửa sổ hướng ra đường, đóng "
                "kín cửa, chèn khăn ướt vào khe cửa và ra tín hiệu cho lực lượng cứu nạn. Tuyệt "
                "đối không nhảy từ trên cao xuống khi chưa có đệm hơi hoặc người hướng dẫn."
            ),
            (
                "Cảnh sát PCCC khuyến khích các gia đình cùng nhau tập dượt phương án thoát nạn "
                "ít nhất mỗi năm một lần, để khi sự cố xảy ra, mọi thành viên đều biết mình cần "
                "làm gì. Các hộ gia đình có nhu cầu được hướng dẫn có thể liên hệ đội Cảnh sát "
                "PCCC khu vực hoặc công an phường, xã nơi cư trú."
            ),
        ],
        "authors": [3],
        "section": "Phòng cháy chữa cháy",
        "tags": ["kỹ năng thoát nạn", "cháy nhà ống", "thành phố Lam Giang", "an toàn PCCC"],
        "campaigns": [],
        "days_ago": 48.0,
        "hour": 7,
        "minute": 15,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": "Buổi hướng dẫn kỹ năng thoát nạn cho người dân tại phường Lam Sơn",
            "credit": "Ảnh: Phạm Quốc Huy",
            "alt": "",
            "scene": "fire",
        },
    },
    {
        "source_id": "demo-028",
        "title": (
            "Tăng cường tuần tra, kiểm soát bảo đảm an toàn giao thông dịp Tết Dương lịch 2027"
        ),
        "sapo": (
            "Phòng Cảnh sát giao thông xây dựng kế hoạch tuần tra cao điểm từ ngày 28/12/2026 "
            "đến hết ngày 3/1/2027, tập trung vào các lỗi nồng độ cồn, tốc độ và chở quá số "
            "người quy định."
        ),
        "paragraphs": [
            (
                "Dự kiến trong dịp nghỉ Tết Dương lịch, lượng phương tiện qua các cửa ngõ thành "
                "phố Lam Giang tăng khoảng 30% so với ngày thường, đặc biệt là xe khách và xe cá "
                "nhân đi du lịch. Lực lượng chức năng sẽ bố trí các tổ công tác tại các bến xe, "
                "nút giao lớn và tuyến đường ven sông."
            ),
            (
                "Các tổ tuần tra cơ động sẽ hoạt động xuyên đêm, kiểm tra nồng độ cồn, ma túy "
                "đối với lái xe kinh doanh vận tải. Công an các xã được giao nhiệm vụ kiểm soát "
                "trên các tuyến đường liên thôn, không để xảy ra tình trạng tụ tập đua xe."
            ),
            {
                "photo": {
                    "caption": (
                        "Cảnh sát giao thông làm nhiệm vụ tại nút giao cửa ngõ thành phố Lam Giang"
                    ),
                    "credit": "Ảnh: Lê Minh Đức",
                    "alt": "",
                    "scene": "traffic",
                },
            },
            (
                "Đối với xe khách, lực lượng chức năng sẽ phối hợp với các bến xe kiểm tra điều "
                "kiện an toàn kỹ thuật của phương tiện và thời gian làm việc của lái xe. Những "
                "xe không bảo đảm điều kiện sẽ không được phép xuất bến."
            ),
            (
                "Phòng Cảnh sát giao thông khuyến cáo người dân chủ động lên kế hoạch di chuyển, "
                "kiểm tra kỹ phương tiện trước chuyến đi và tuyệt đối không điều khiển phương "
                "tiện sau khi đã uống rượu bia. Khi phát hiện hành vi vi phạm, người dân có thể "
                "ghi lại hình ảnh và gửi cho lực lượng chức năng qua ứng dụng VNeID."
            ),
        ],
        "authors": [2],
        "section": "Trật tự an toàn giao thông",
        "tags": ["Tết Dương lịch", "tuần tra kiểm soát", "nồng độ cồn", "thành phố Lam Giang"],
        "campaigns": ["Đợt cao điểm tấn công trấn áp tội phạm cuối năm 2026"],
        "days_ago": 0.1,
        "hour": 10,
        "minute": 30,
        "featured": False,
        "status": "draft",
        "cover": {
            "caption": "Tổ tuần tra cảnh sát giao thông trên tuyến đường ven sông Lam",
            "credit": "Ảnh: Lê Minh Đức",
            "alt": "",
            "scene": "traffic",
        },
    },
    {
        "source_id": "demo-029",
        "title": (
            "Sơ kết công tác xây dựng lực lượng Công an tỉnh năm 2026, đề ra nhiệm vụ năm 2027"
        ),
        "sapo": (
            "Năm 2026, Công an tỉnh tiếp tục kiện toàn tổ chức bộ máy, bổ sung hơn 180 cán bộ "
            "cho công an cấp xã và hoàn thành chương trình đào tạo chuyên sâu cho lực lượng trực "
            "tiếp tiếp dân."
        ),
        "paragraphs": [
            (
                "Công tác tuyển chọn, đào tạo và luân chuyển cán bộ được thực hiện công khai, "
                "minh bạch. Trong năm, Công an tỉnh đã tuyển mới 96 chiến sĩ nghĩa vụ, 42 sinh "
                "viên tốt nghiệp các học viện, trường Công an nhân dân và tổ chức 28 lớp bồi "
                "dưỡng nghiệp vụ."
            ),
            (
                "Đáng chú ý, chương trình bồi dưỡng kỹ năng giao tiếp, ứng xử với nhân dân đã "
                "được triển khai tới 100% cán bộ làm công tác tiếp dân, giải quyết thủ tục hành "
                "chính. Tỷ lệ người dân hài lòng qua khảo sát đạt 93,5%."
            ),
            {
                "photo": {
                    "caption": "Hội nghị sơ kết công tác xây dựng lực lượng Công an tỉnh năm 2026",
                    "credit": "Ảnh: Nhóm PV",
                    "alt": "",
                    "scene": "meeting",
                },
            },
            (
                "Năm 2027, Công an tỉnh xác định tiếp tục nâng cao chất lượng công an cấp xã, "
                "đẩy mạnh ứng dụng công nghệ trong quản lý cán bộ và thực hiện nghiêm quy định "
                "về những điều cán bộ, chiến sĩ không được làm. Công tác thi đua, khen thưởng sẽ "
                "được gắn chặt hơn với kết quả phục vụ nhân dân ở từng đơn vị."
            ),
            (
                "Trong năm, toàn lực lượng có 14 tập thể và 37 cá nhân được cấp trên khen "
                "thưởng; không có cán bộ, chiến sĩ vi phạm kỷ luật đến mức phải xử lý hình thức "
                "cao. Hội nghị cũng chỉ ra những hạn chế cần khắc phục như một số công an xã còn "
                "thiếu cán bộ có trình độ công nghệ thông tin."
            ),
        ],
        "authors": [1],
        "section": "Xây dựng lực lượng",
        "tags": ["thi đua khen thưởng", "công an xã", "đào tạo", "tổng kết năm"],
        "campaigns": ["Vì an ninh Tổ quốc"],
        "days_ago": 0.5,
        "hour": 15,
        "minute": 0,
        "featured": False,
        "status": "draft",
        "cover": {
            "caption": "Hội nghị sơ kết công tác xây dựng lực lượng năm 2026",
            "credit": "Ảnh: Nhóm PV",
            "alt": "",
            "scene": "meeting",
        },
    },
    {
        "source_id": "demo-030",
        "title": (
            "Tuyên dương 50 điển hình tiên tiến trong phong trào thi đua “Vì an ninh Tổ quốc” "
            "năm 2026"
        ),
        "sapo": (
            "Hội nghị điển hình tiên tiến năm 2026 của Công an tỉnh Sông Lam tôn vinh 20 tập thể "
            "và 30 cá nhân có thành tích xuất sắc, trong đó có nhiều cán bộ công an cơ sở và "
            "quần chúng nhân dân."
        ),
        "paragraphs": [
            (
                "Các điển hình được lựa chọn qua bình xét từ cơ sở, có thành tích nổi bật trong "
                "đấu tranh phòng, chống tội phạm, cải cách hành chính, cứu nạn, cứu hộ và xây "
                "dựng phong trào toàn dân bảo vệ an ninh Tổ quốc. Mỗi hồ sơ đều được lấy ý kiến "
                "của khu dân cư nơi cán bộ công tác và của chính quyền địa phương."
            ),
            (
                "Trong số 30 cá nhân được tuyên dương có 8 cán bộ công an xã, 4 cán bộ nữ và 5 "
                "quần chúng nhân dân. Nhiều người đã có những hành động dũng cảm như cứu người "
                "đuối nước, tham gia bắt giữ đối tượng phạm tội có vũ khí."
            ),
            {
                "photo": {
                    "caption": (
                        "Các tập thể, cá nhân điển hình tiên tiến nhận khen thưởng tại hội nghị"
                    ),
                    "credit": "Ảnh: Nhóm PV",
                    "alt": "",
                    "scene": "ceremony",
                },
            },
            {
                "quote": (
                    "Mỗi điển hình hôm nay là một câu chuyện về sự tận tụy. Chúng ta tôn vinh "
                    "các đồng chí để lan tỏa tinh thần ấy tới từng đơn vị, từng khu dân cư."
                ),
            },
            (
                "Nhiều điển hình đến từ những địa bàn khó khăn nhất của tỉnh. Có đồng chí công "
                "an xã vùng cao đã nhiều năm liền đi bộ hàng chục cây số mỗi tuần để nắm tình "
                "hình, hướng dẫn thủ tục cho bà con ở các bản xa."
            ),
            (
                "Hội nghị cũng phát động phong trào thi đua năm 2027 với chủ đề “Kỷ cương, trách "
                "nhiệm, gần dân, vì dân”, gắn với mục tiêu hoàn thành Đề án 06 và giữ vững an "
                "ninh trật tự trên địa bàn tỉnh. Các đơn vị được yêu cầu đăng ký chỉ tiêu thi "
                "đua cụ thể trước ngày 15/1/2027."
            ),
        ],
        "authors": [4],
        "section": "Tin tức – Sự kiện",
        "tags": [
            "điển hình tiên tiến",
            "thi đua khen thưởng",
            "thành phố Lam Giang",
            "người tốt việc tốt",
        ],
        "campaigns": ["Vì an ninh Tổ quốc"],
        "days_ago": -2.0,
        "hour": 8,
        "minute": 0,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": (
                "Hội nghị điển hình tiên tiến phong trào thi đua “Vì an ninh Tổ quốc” năm 2026"
            ),
            "credit": "Ảnh: Nhóm PV",
            "alt": "Các cá nhân được tuyên dương đứng trên sân khấu, cầm hoa và giấy khen",
            "scene": "ceremony",
        },
    },
    {
        "source_id": "demo-031",
        "title": "Bắt nhóm trộm cắp linh kiện điện tử trong khu công nghiệp Tân Lập",
        "sapo": (
            "Công an huyện Tân Lập vừa bắt giữ 5 đối tượng, trong đó có 3 công nhân, về hành vi "
            "trộm cắp linh kiện điện tử của một doanh nghiệp trong khu công nghiệp, trị giá "
            "khoảng 1,3 tỷ đồng."
        ),
        "paragraphs": [
            (
                "Doanh nghiệp phát hiện hao hụt linh kiện bất thường trong ba tháng liền nên đã "
                "trình báo cơ quan công an. Qua rà soát dữ liệu camera và quy trình xuất nhập "
                "kho, trinh sát xác định nhóm đối tượng giấu linh kiện trong các thùng rác thải "
                "công nghiệp rồi mang ra ngoài."
            ),
            (
                "Linh kiện sau đó được bán cho một cơ sở thu mua phế liệu ở xã Tân Hòa với giá "
                "rất thấp. Tại cơ sở này, lực lượng chức năng thu giữ hơn 40 kg bo mạch, chip "
                "nhớ và nhiều linh kiện chưa qua sử dụng."
            ),
            {
                "photo": {
                    "caption": "Lực lượng Công an huyện Tân Lập tuần tra tại khu công nghiệp",
                    "credit": "Ảnh: Nguyễn Văn An",
                    "alt": "",
                    "scene": "patrol",
                },
            },
            (
                "Công an huyện Tân Lập đã đề nghị các doanh nghiệp rà soát quy trình quản lý "
                "kho, kiểm soát chặt chẽ việc vận chuyển rác thải ra khỏi nhà máy và phối hợp "
                "cung cấp thông tin khi phát hiện dấu hiệu bất thường. Ba doanh nghiệp lớn trong "
                "khu công nghiệp đã chủ động rà soát và bổ sung camera tại khu vực tập kết rác "
                "thải."
            ),
            (
                "Từ đầu đợt cao điểm, lực lượng công an đã duy trì các tổ tuần tra vào giờ tan "
                "ca và ban đêm tại khu công nghiệp Tân Lập, kết hợp kiểm tra các khu nhà trọ "
                "công nhân xung quanh. Số vụ trộm cắp tài sản tại khu vực này đã giảm rõ rệt so "
                "với cùng kỳ năm trước."
            ),
        ],
        "authors": [0],
        "section": "An ninh trật tự",
        "tags": [
            "huyện Tân Lập",
            "khu công nghiệp Tân Lập",
            "trộm cắp tài sản",
            "cao điểm tấn công trấn áp tội phạm",
        ],
        "campaigns": ["Đợt cao điểm tấn công trấn áp tội phạm cuối năm 2026"],
        "days_ago": 2.1,
        "hour": 12,
        "minute": 10,
        "featured": False,
        "status": "published",
        "cover": {
            "caption": "Tổ tuần tra Công an huyện Tân Lập làm nhiệm vụ tại khu công nghiệp",
            "credit": "Ảnh: Nguyễn Văn An",
            "alt": "",
            "scene": "patrol",
        },
    },
]


# A photo story for the lead article (the order is the order readers see).
PHOTO_STORY = {
    "article": "demo-001",
    "credit": "Ảnh: Đỗ Thu Trang",
    "place": "Trụ sở Công an tỉnh Sông Lam",
    "photos": [
        ("ceremony", "Lực lượng tham gia lễ ra quân tập trung tại sân trụ sở Công an tỉnh."),
        ("meeting", "Đại biểu dự hội nghị triển khai đợt cao điểm tại hội trường."),
        ("patrol", "Tổ tuần tra cơ động xuất phát ngay sau lễ ra quân."),
        ("traffic", "Cảnh sát giao thông kiểm tra phương tiện trên quốc lộ qua địa bàn."),
        ("community", "Công an xã phối hợp với lực lượng tự quản ở khu dân cư."),
        ("digital", "Trung tâm chỉ huy theo dõi hình ảnh camera an ninh toàn tỉnh."),
    ],
}
