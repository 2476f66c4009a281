package web_test

import (
	"fmt"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"

	"github.com/casebundle/casebundle/internal/web"
)

// A server over a workspace, on a free loopback port; the address with
// the token is what casebundle serve prints.
func ExampleNew() {
	ws, _ := os.MkdirTemp("", "ws")
	defer os.RemoveAll(ws)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()
	s, err := web.New(web.Options{Dir: ws, Addr: ln.Addr().String()})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	go http.Serve(ln, s)

	resp, err := http.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	fmt.Println("without the token:", resp.StatusCode)
	// The token URL sets the session cookie and sends the browser on to
	// the same page without the token.
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar}
	resp, err = browser.Get(s.URL("127.0.0.1"))
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	fmt.Println("with it:", resp.StatusCode)
	// Output:
	// without the token: 403
	// with it: 200
}
