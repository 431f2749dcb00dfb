package main

import (
	"context"
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

// writeAtomically writes data to name through a temporary file beside it
// and a rename, so that whoever sees name sees all of it.
func writeAtomically(name string, data []byte) error {
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

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
	if fi, err := os.Stat(*site); err != nil || !fi.IsDir() {
		fmt.Fprintf(stderr, "mohinh serve: không tìm thấy thư mục %s\n", *site)
		return exitUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "mohinh serve: không mở được %s: %v\n", *addr, err)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s := serve.New(serve.Options{Site: *site, Base: *base, Today: todayForTests(), Log: stdout})
	url := "http://" + ln.Addr().String() + "/"
	err = s.Run(ctx, ln, func() {
		fmt.Fprintf(stdout, "Đang phục vụ tại %s — nhấn Ctrl+C để dừng.\n", url)
		if *addrFile != "" {
			if err := writeAtomically(*addrFile, []byte(url+"\n")); err != nil {
				fmt.Fprintf(stderr, "mohinh serve: không ghi được %s: %v\n", *addrFile, err)
			}
		}
	})
	if err != nil {
		fmt.Fprintf(stderr, "mohinh serve: %v\n", err)
		return exitContent
	}
	fmt.Fprintln(stdout, "Đã dừng.")
	return exitOK
}
