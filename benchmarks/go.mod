module github.com/e3f0929f/twiliochat/benchmarks

go 1.23

replace github.com/e3f0929f/twiliochat => ../

require (
	github.com/e3f0929f/twiliochat v0.0.0-00010101000000-000000000000
	github.com/stretchr/testify v1.12.1
	github.com/twilio/twilio-go v1.31.0
)

require (
	github.com/golang-jwt/jwt/v5 v5.3.1 // indirect
	github.com/golang/mock v1.6.0 // indirect
	github.com/pkg/errors v0.9.1 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
