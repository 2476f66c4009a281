package bundle

import (
	"testing"

	"github.com/casebundle/casebundle/internal/testtsa"
)

// testTSAs starts the throwaway authorities on 127.0.0.1: the Go one
// always, the openssl one when openssl is installed.
func testTSAs(t testing.TB) []*testtsa.TSA {
	t.Helper()
	g, err := testtsa.NewGo(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.Close)
	tsas := []*testtsa.TSA{g}
	o, err := testtsa.NewOpenSSL(t.TempDir())
	if err != nil {
		t.Logf("no openssl TSA: %v", err)
		return tsas
	}
	t.Cleanup(o.Close)
	return append(tsas, o)
}

func goTSA(t testing.TB) *testtsa.TSA {
	t.Helper()
	g, err := testtsa.NewGo(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.Close)
	return g
}
