module github.com/e3f0929f/twiliochat

go 1.23
