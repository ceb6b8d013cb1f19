module github.com/e3f0929f/twiliochat

go 1.23

// Test-only dependencies: the SDK itself uses only the standard library.
// go-querystring is the reference the form encoder is checked against.
require (
	github.com/google/go-querystring v1.2.0
	github.com/jarcoal/httpmock v1.4.2
	github.com/stretchr/testify v1.12.1
	go.uber.org/goleak v1.3.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
