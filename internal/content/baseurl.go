package content

import (
	"errors"
	"net/url"
	"strings"
)

// BaseURL checks the public address of a site, base_url in
// content/_index.md or an absolute --base-url, and returns it normalised:
// an http or https address with a host, no query, fragment or user, whose
// path ends in "/" (https://example.org/mohinh becomes
// https://example.org/mohinh/). It is the one rule for such an address:
// the feed, the sitemap and the exports put it in front of every path, and
// they need it whole. The error says what is wrong in Vietnamese, for the
// user.
func BaseURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	switch {
	case err != nil, u.Opaque != "":
		return "", errors.New("không phải địa chỉ trang web")
	case u.Scheme != "http" && u.Scheme != "https":
		return "", errors.New("phải là địa chỉ đầy đủ, bắt đầu bằng https:// (hoặc http://)")
	case u.Host == "" || u.Hostname() == "":
		return "", errors.New("thiếu tên miền sau https://")
	case u.User != nil:
		return "", errors.New("không được có tên đăng nhập hay mật khẩu (phần trước @)")
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(raw, "#"):
		return "", errors.New("không được có phần ? hay #")
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
		if u.RawPath != "" {
			u.RawPath += "/"
		}
	}
	return u.String(), nil
}
