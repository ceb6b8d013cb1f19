module github.com/e3f0929f/twiliochat

go 1.23

// The twiliochat package itself uses only the standard library.
// golang-jwt/jwt signs and parses Access Tokens in the accesstoken package,
// and only there.
require github.com/golang-jwt/jwt/v5 v5.3.1

// Test-only dependencies. go-querystring is the reference the form encoder
// is checked against.
require (
	github.com/google/go-querystring v1.2.0
	github.com/jarcoal/httpmock v1.4.2
	github.com/stretchr/testify v1.12.1
	go.uber.org/goleak v1.3.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
