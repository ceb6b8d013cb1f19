package twiliochat_test

import (
	"net/url"

	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// sentLine is what the fake received in one request, as tests compare it.
type sentLine struct {
	Method, Path string
	Query, Form  url.Values
}

// sentLines returns every request srv received, in order.
func sentLines(srv *twiliochattest.Server) []sentLine {
	var lines []sentLine
	for _, r := range srv.Requests() {
		lines = append(lines, sentLine{r.Method, r.Path, r.Query, r.Form})
	}
	return lines
}
