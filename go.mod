module github.com/e3f0929f/twiliochat

go 1.23

require github.com/google/go-querystring v1.2.0
