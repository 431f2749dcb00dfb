package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/mohinh/mohinh/internal/serve"
)

// defaultServeAddr is loopback only: the server is for the reviewer at
// this machine, never for the network.
const defaultServeAddr = "127.0.0.1:1313"

func runServe(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("serve", stderr)
	site := siteFlag(fl)
	addr := fl.String("addr", defaultServeAddr, "địa chỉ và cổng phục vụ; với 127.0.0.1 chỉ máy này truy cập được; cổng 0 để chọn một cổng còn trống")
	addrFile := fl.String("addr-file", "", "khi đã sẵn sàng, ghi địa chỉ đang phục vụ (http://…/) vào `TỆP`, cho kịch bản và trình soạn thảo")
	base := fl.String("base", "", "đánh dấu những bản đăng ký mà nhánh thêm hoặc sửa so với phiên bản git này, ví dụ origin/main; trang /thay-doi/ liệt kê chúng, những tệp bị xóa và lỗi của mohinh check --base")
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), `Cách dùng: mohinh serve [--site THƯ-MỤC] [--addr ĐỊA-CHỈ:CỔNG] [--addr-file TỆP] [--base PHIÊN-BẢN]

Dựng cổng thông tin trong bộ nhớ (không ghi vào public/) và phục vụ để xem trước,
dựng lại mỗi khi tệp trong content/ hoặc layouts/ được lưu; trang đang mở tự tải lại.
Khi nội dung có lỗi, mọi trang dựng được vẫn được dựng, trang của tệp lỗi và
khung lỗi trên mọi trang liệt kê lỗi như mohinh check.
Nhấn Ctrl+C để dừng.

Tùy chọn:
`)
		printFlags(fl, "site", "addr", "addr-file", "base")
	}
	if code, done := parseFlags(fl, args, stdout); done {
		return code
	}
	if !requireSite("serve", *site, stderr) {
		return exitUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "mohinh serve: không mở được %s: %s\n", *addr, listenError(err))
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s := serve.New(serve.Options{Site: *site, Base: *base, Today: todayForTests(), Log: stdout})
	url := "http://" + ln.Addr().String() + "/"
	err = s.Run(ctx, ln, func() {
		fmt.Fprintf(stdout, "Đang phục vụ tại %s — nhấn Ctrl+C để dừng.\n", url)
		if *addrFile != "" {
			if err := writeFileAtomic(*addrFile, []byte(url+"\n")); err != nil {
				fmt.Fprintf(stderr, "mohinh serve: --addr-file: %v\n", err)
			}
		}
	})
	if err != nil {
		fmt.Fprintf(stderr, "mohinh serve: %v\n", err)
		return exitFor(err)
	}
	fmt.Fprintln(stdout, "Đã dừng.")
	return exitOK
}

// listenError says why --addr could not be listened on.
func listenError(err error) string {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return "cổng này đã có chương trình khác dùng (có thể một mohinh serve khác đang chạy): hãy dừng chương trình đó hoặc chọn cổng khác, ví dụ --addr 127.0.0.1:1314"
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return "máy này không có địa chỉ đó: hãy dùng 127.0.0.1 (chỉ máy này xem được) hoặc một địa chỉ của máy"
	case errors.Is(err, syscall.EACCES):
		return "không có quyền mở cổng này (cổng dưới 1024 cần quyền quản trị): hãy chọn cổng khác, ví dụ --addr 127.0.0.1:1313"
	}
	return "địa chỉ phải có dạng ĐỊA-CHỈ:CỔNG, ví dụ 127.0.0.1:1313"
}
