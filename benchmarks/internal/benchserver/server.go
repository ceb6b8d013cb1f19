// Package benchserver is the HTTP server every client of the benchmarks talks
// to: it answers POST /v2/Services/{Sid} with a fixed Service JSON, POST
// /v2/Services/{ServiceSid}/Channels/{ChannelSid}/Messages with a fixed
// Message JSON, and GET on that path with a page of a generated list of
// Messages (see ListChannelSID); the same for a Conversation's Messages of
// Conversations v1 (/v1/Conversations/{ConversationSid}/Messages), whose
// Create Message answer is ConversationMessage; and counts the requests it
// answered and the TCP connections it accepted.
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
	// Requests is the number of requests answered.
	Requests int64
	// Conns is the number of TCP connections accepted.
	Conns int64
	// ListPages is the number of list pages written whose handler has
	// returned, so that the page is no longer held by the server.
	ListPages int64
}

// Server answers Update Service requests with a fixed body. Its zero value is
// not usable; create one with New. It is safe for concurrent use.
type Server struct {
	body     []byte
	bodyLen  []string
	message  []byte
	msgLen   []string
	cache    pageCache
	noCache  bool
	record   func(r *http.Request, body []byte)
	requests atomic.Int64
	conns    atomic.Int64
	pages    atomic.Int64
}

// New returns a Server that answers every POST /v2/Services/{Sid} with status
// 200 and response as the JSON body. When record is not nil it is called with
// each request and its body (nil for a GET), before the answer is written;
// it must be safe for concurrent use. Create Message requests are answered
// 404 until WithMessage sets their answer.
func New(response []byte, record func(r *http.Request, body []byte)) *Server {
	return &Server{body: response, bodyLen: []string{strconv.Itoa(len(response))}, record: record}
}

// WithoutPageCache makes s render every page of a list for each request,
// keeping none, so that a test measuring its clients' heap in the same
// process sees none of the server's; and returns s. Call it before s
// serves.
func (s *Server) WithoutPageCache() *Server {
	s.noCache = true
	return s
}

// WithMessage makes s answer every Create Message request with status 200
// and message as the JSON body, and returns s. Call it before s serves.
func (s *Server) WithMessage(message []byte) *Server {
	s.message, s.msgLen = message, []string{strconv.Itoa(len(message))}
	return s
}

// Handler returns the http.Handler of the Server: POST /v2/Services/{Sid}
// answers, any other request gets 404 or 405.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v2/Services/{Sid}", s.update)
	mux.HandleFunc("POST /v2/Services/{ServiceSid}/Channels/{ChannelSid}/Messages", s.createMessage)
	mux.HandleFunc("GET /v2/Services/{ServiceSid}/Channels/{ChannelSid}/Messages", s.listMessages)
	mux.HandleFunc("POST /v1/Conversations/{ChannelSid}/Messages", s.createConversationMessage)
	mux.HandleFunc("GET /v1/Conversations/{ChannelSid}/Messages", s.listMessages)
	return mux
}

// Listener wraps l so that the Server counts the connections it accepts.
func (s *Server) Listener(l net.Listener) net.Listener {
	return &countingListener{Listener: l, n: &s.conns}
}

// Counts returns the requests answered, the connections accepted and the
// list pages written so far.
func (s *Server) Counts() Counts {
	return Counts{Requests: s.requests.Load(), Conns: s.conns.Load(), ListPages: s.pages.Load()}
}

// update answers one Update Service request.
func (s *Server) update(w http.ResponseWriter, r *http.Request) {
	s.answer(w, r, s.body, s.bodyLen)
}

// answer reads the request's body, records it, and answers 200 with body,
// of length bodyLen, or 404 when body is nil.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, body []byte, bodyLen []string) {
	if body == nil {
		http.Error(w, "not served", http.StatusNotFound)
		return
	}
	if s.record != nil {
		got, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		s.record(r, got)
	} else if _, err := io.Copy(io.Discard, r.Body); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.requests.Add(1)
	h := w.Header()
	h["Content-Type"] = contentTypeJSON
	h["Content-Length"] = bodyLen
	_, _ = w.Write(body)
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
