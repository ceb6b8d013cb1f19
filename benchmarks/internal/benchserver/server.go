// Package benchserver is the HTTP server every client of the benchmarks talks
// to: it answers POST /v2/Services/{Sid} with a fixed Service JSON and counts
// the requests it answered and the TCP connections it accepted.
package benchserver

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
)

// Counts is what a Server has seen so far.
type Counts struct {
	// Requests is the number of Update requests answered.
	Requests int64
	// Conns is the number of TCP connections accepted.
	Conns int64
}

// Server answers Update Service requests with a fixed body. Its zero value is
// not usable; create one with New. It is safe for concurrent use.
type Server struct {
	body     []byte
	bodyLen  []string
	record   func(r *http.Request, body []byte)
	requests atomic.Int64
	conns    atomic.Int64
}

// New returns a Server that answers every POST /v2/Services/{Sid} with status
// 200 and response as the JSON body. When record is not nil it is called with
// each Update request and its body, before the answer is written; it must be
// safe for concurrent use.
func New(response []byte, record func(r *http.Request, body []byte)) *Server {
	return &Server{body: response, bodyLen: []string{strconv.Itoa(len(response))}, record: record}
}

// Handler returns the http.Handler of the Server: POST /v2/Services/{Sid}
// answers, any other request gets 404 or 405.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v2/Services/{Sid}", s.update)
	return mux
}

// Listener wraps l so that the Server counts the connections it accepts.
func (s *Server) Listener(l net.Listener) net.Listener {
	return &countingListener{Listener: l, n: &s.conns}
}

// Counts returns the requests answered and the connections accepted so far.
func (s *Server) Counts() Counts {
	return Counts{Requests: s.requests.Load(), Conns: s.conns.Load()}
}

// update answers one Update Service request.
func (s *Server) update(w http.ResponseWriter, r *http.Request) {
	if s.record != nil {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		s.record(r, body)
	} else if _, err := io.Copy(io.Discard, r.Body); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.requests.Add(1)
	h := w.Header()
	h["Content-Type"] = contentTypeJSON
	h["Content-Length"] = s.bodyLen
	_, _ = w.Write(s.body)
}

// contentTypeJSON is the Content-Type header of every answer, shared so that
// the server allocates as little as it can per request.
var contentTypeJSON = []string{"application/json"}

// countingListener counts the connections it accepts.
type countingListener struct {
	net.Listener
	n *atomic.Int64
}

// Accept implements net.Listener.
func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.n.Add(1)
	}
	return c, err
}

// Start starts s on a loopback port in this process, counting connections,
// and returns the running server; Close it when done.
func (s *Server) Start() *httptest.Server {
	ts := httptest.NewUnstartedServer(s.Handler())
	ts.Listener = s.Listener(ts.Listener)
	ts.Start()
	return ts
}
