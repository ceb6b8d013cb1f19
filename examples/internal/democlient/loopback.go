package democlient

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"
)

// ServeLoopback serves h at path on a free loopback port, calls run with the
// endpoint's URL ("http://127.0.0.1:port/path"), then shuts the server down:
// the self-test of the examples that are servers. It returns run's error,
// or the error of listening or of shutting down when run succeeded.
func ServeLoopback(path string, h http.Handler, run func(url string) error) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle(path, h)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()

	runErr := run("http://" + ln.Addr().String() + path)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	shutdownErr := srv.Shutdown(ctx)
	if serveErr := <-done; !errors.Is(serveErr, http.ErrServerClosed) && shutdownErr == nil {
		shutdownErr = serveErr
	}
	if runErr != nil {
		return runErr
	}
	return shutdownErr
}

// ServeUntilInterrupt serves h at path on addr until the process is
// interrupted, then lets the requests in flight finish (for up to 10 s)
// before it returns: the examples' server mode. It returns at once the
// error of a server that could not listen.
func ServeUntilInterrupt(addr, path string, h http.Handler) error {
	mux := http.NewServeMux()
	mux.Handle(path, h)
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.ListenAndServe() }()
	select {
	case err := <-served:
		return err // it could not listen
	case <-ctx.Done():
	}
	// ListenAndServe returns as soon as Shutdown begins; Shutdown itself
	// returns once the requests in flight are answered.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}
