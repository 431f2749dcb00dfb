package htmlcheck

import "testing"

func TestProblems(t *testing.T) {
	page := func(body string) []byte {
		return []byte(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thử</title>` +
			`<link rel="stylesheet" href="/assets/style.css"><script type="module" src="/assets/search.js"></script></head><body>` + body + `</body></html>`)
	}
	inert := []string{
		`<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>`,
		`<a href="https://example.org/">x</a> <a href="/mo-hinh/">y</a> <a href="">z</a>`,
		`<p title="&#34; onmouseover=&#34;alert(1)">x</p>`,
		`<span class="bar" style="width: 40%"></span>`,
		`<script type="application/ld+json">{"name":"\u003c/script\u003e"}</script>`,
		`<textarea>&lt;/textarea&gt;&lt;script&gt;</textarea>`,
		`<pre>[](javascript:alert(1))</pre>`,
		// The value is "&#106AvAsCript:", a relative address: references
		// are decoded once (found by FuzzRenderRegistration).
		`<a href="&amp;#106AvAsCript:">x</a>`,
		// An attached photo (render/attachments.go).
		`<img loading="lazy" src="/mo-hinh/2024/xa-ka-do/so-tay/anh-hoi-nghi.jpg" alt="anh hoi nghi">`,
	}
	for _, body := range inert {
		if p := Problems(page(body)); len(p) > 0 {
			t.Errorf("%s: %v", body, p)
		}
	}
	active := []string{
		`<script>alert(1)</script>`,
		`<p onmouseover="alert(1)">x</p>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href=" JaVa&#x09;Script:alert(1)">x</a>`,
		`<a href="&#106;avascript:alert(1)">x</a>`,
		`<a href="vbscript:msgbox(1)">x</a>`,
		`<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>`,
		`<img src="x">`,
		`<img loading="lazy" src="https://tracker.example/p.png">`,
		`<img loading="lazy" src="//tracker.example/p.png">`,
		`<img loading="lazy" src="/anh.png" srcset="https://tracker.example/p.png 2x">`,
		`<img loading="lazy" src="/trang.svg">`,
		`<svg><script>alert(1)</script></svg>`,
		`<iframe src="https://evil.example/"></iframe>`,
		`<span style="background:url(https://tracker.example/p.png)">x</span>`,
		`<style>body{background:url(x)}</style>`,
		`<script src="https://evil.example/x.js"></script>`,
		`<script src="//evil.example/x.js"></script>`,
		`<script type="application/ld+json">{"name":"</script><script>alert(1)</script>"}</script>`,
		`<form action="javascript:alert(1)"><button>x</button></form>`,
		`<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
		`<link rel="stylesheet" href="https://evil.example/x.css">`,
		`</title><title>lần hai`,
	}
	for _, body := range active {
		if p := Problems(page(body)); len(p) == 0 {
			t.Errorf("%s: no problem found", body)
		}
	}
}
