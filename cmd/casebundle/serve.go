package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"runtime"
	"time"

	"github.com/skip2/go-qrcode"
	"github.com/urfave/cli/v2"

	"github.com/casebundle/casebundle/internal/web"
)

type serveOptions struct {
	dir       string
	addr      string
	lan       bool
	noBrowser bool
	time      string
}

func newServeCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "a page in the browser that does what the commands do / 在浏览器中整理案件",
		Description: `Serves a page on this computer, in Chinese or English, where a case is made without a
terminal: new case or open one of WORKSPACE, route, evidence files (several at once or whole
folders), the facts (prefilled from bills and chats, each marked until confirmed), the
checklist with its deadlines, the build with the dossier's pages, and downloads. The page
reads and writes the same case folders and case.yaml as init, add, check and build.

It listens on the loopback address only and prints the address with a random key (?t=…);
every request must carry it. --lan opens it to the local network (for uploads from a
phone) with a warning and a QR code of the address. Everything is inside the binary: it
works without the internet.

Example:
   casebundle serve --dir ~/cases`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "dir", Value: ".", Usage: "the workspace: each folder in it is a case"},
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:0", Usage: "address to listen on (port 0: any free port)"},
			&cli.BoolFlag{Name: "lan", Usage: "listen on the local network too (uploads from a phone); prints a QR code of the address"},
			&cli.BoolFlag{Name: "no-browser", Usage: "do not open the browser"},
			&cli.StringFlag{Name: "time", Usage: "generation time of the page's builds, RFC 3339 (default: $SOURCE_DATE_EPOCH, else now), as build --time"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 0 {
				return usageErr("casebundle serve --dir WORKSPACE", "serve takes no arguments (the workspace is --dir), got %d", c.NArg())
			}
			return runServe(c.Context, serveOptions{dir: c.String("dir"), addr: c.String("addr"), lan: c.Bool("lan"),
				noBrowser: c.Bool("no-browser"), time: c.String("time")}, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runServe(ctx context.Context, opt serveOptions, out, errOut io.Writer) error {
	if _, err := now(opt.time); err != nil {
		return err
	}
	host, port, err := net.SplitHostPort(opt.addr)
	if err != nil {
		return usageErr("for example --addr 127.0.0.1:8080", "--addr %q: %v", opt.addr, err)
	}
	ip := net.ParseIP(host)
	loopback := host == "localhost" || (ip != nil && ip.IsLoopback())
	if !loopback && !opt.lan {
		return usageErr("add --lan to open the page to the network, knowing that anyone there with the address can use it",
			"--addr %s is not a loopback address", opt.addr)
	}
	listen := opt.addr
	if opt.lan && loopback {
		listen = net.JoinHostPort("0.0.0.0", port)
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", listen, err)
	}
	defer ln.Close()
	bound := ln.Addr().String()
	var lanHosts []string
	if opt.lan {
		lanHosts = lanAddrs()
	}
	srv, err := web.New(web.Options{Dir: opt.dir, Addr: bound, Hosts: lanHosts, Now: func() time.Time {
		t, _ := now(opt.time)
		return t
	}})
	if err != nil {
		return err
	}
	defer srv.Close()
	_, boundPort, _ := net.SplitHostPort(bound)
	local := "http://" + net.JoinHostPort("127.0.0.1", boundPort) + "/?t=" + srv.Token()
	fmt.Fprintf(out, "casebundle serve: workspace %s\n", opt.dir)
	fmt.Fprintf(out, "open: %s\n", local)
	if opt.lan {
		fmt.Fprintf(errOut, "warning: --lan: anyone on this network who has the address below can open and change your cases.\n")
		fmt.Fprintf(errOut, "         stop with Ctrl+C when the phone's uploads are done. 局域网内持有此地址者均可访问，上传完请按 Ctrl+C 关闭。\n")
		for _, h := range lanHosts {
			u := srv.URL(h)
			fmt.Fprintf(out, "on the network: %s\n", u)
			if q, err := qrcode.New(u, qrcode.Medium); err == nil {
				fmt.Fprint(out, q.ToSmallString(false))
			}
			break // one QR code: the first address of the machine
		}
	}
	fmt.Fprintf(out, "stop with Ctrl+C / 按 Ctrl+C 停止\n")
	if !opt.noBrowser {
		openBrowser(local)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(sctx)
		fmt.Fprintf(out, "stopped\n")
		return nil
	}
}

// lanAddrs are the machine's IPv4 addresses on its networks, private
// ones first.
func lanAddrs() []string {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var private, other []string
	for _, a := range addrs {
		n, ok := a.(*net.IPNet)
		if !ok || n.IP.IsLoopback() || n.IP.To4() == nil || n.IP.IsLinkLocalUnicast() {
			continue
		}
		if n.IP.IsPrivate() {
			private = append(private, n.IP.String())
		} else {
			other = append(other, n.IP.String())
		}
	}
	return append(private, other...)
}

// openBrowser opens url in the default browser when the system has a way
// to; without one the printed address is enough.
func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("cmd", "/c", "start", "", url)
	default:
		if _, err := exec.LookPath("xdg-open"); err != nil {
			return
		}
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err == nil {
		go func() { _ = cmd.Wait() }()
	}
}
