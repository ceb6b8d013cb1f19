// Command server runs the benchmarks' server (Update Service, Create
// Message, lists of Messages) in its own process, so that the allocation
// figures of a benchmark belong to the client alone. It prints its base URL
// on the first line of standard output, serves until SIGINT or SIGTERM, then
// prints the requests and connections it saw to standard error.
//
//	go run ./cmd/server -response ../testdata/service.json -message ../testdata/message_create.json
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/e3f0929f/twiliochat/benchmarks/internal/benchserver"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	response := flag.String("response", "../testdata/service.json", "file holding the JSON answer to Update Service")
	message := flag.String("message", "../testdata/message_create.json", "file holding the JSON answer to Create Message")
	flag.Parse()
	if err := run(*addr, *response, *message); err != nil {
		log.Fatal(err)
	}
}

// run serves until a signal asks it to stop.
func run(addr, response, message string) error {
	body, err := os.ReadFile(response)
	if err != nil {
		return err
	}
	msg, err := os.ReadFile(message)
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s := benchserver.New(body, nil).WithMessage(msg)
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("http://%s\n", l.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(s.Listener(l)) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = srv.Shutdown(shutdownCtx)
	if serveErr := <-served; !errors.Is(serveErr, http.ErrServerClosed) {
		err = errors.Join(err, serveErr)
	}
	c := s.Counts()
	fmt.Fprintf(os.Stderr, "server: %d requests on %d connections\n", c.Requests, c.Conns)
	return err
}
