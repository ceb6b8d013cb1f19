package webhook

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The request-validator test vectors the official Twilio libraries publish,
// copied as data (URL, parameters, token, signature) with the file each comes
// from. They all use the token "12345".
const (
	vecToken = "12345"
	vecURL   = "https://mycompany.com/myapp.php?foo=1&bar=2"
	// vecBody and vecBodyHash: twilio-python tests/unit/test_request_validator.py
	// (body, bodyHash), also in twilio-go client/request_validator_test.go,
	// twilio-node spec/validation.spec.js and twilio-php's RequestValidatorTest.
	vecBody     = `{"property": "value", "boolean": true}`
	vecBodyHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
	// vecEmptyBodyHash is the hash of "{}": twilio-node spec/validation.spec.js
	// (bodySignatureEmpty).
	vecEmptyBodyHash = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
)

// vecParams are the form parameters of twilio-python, twilio-node and
// twilio-php's request-validator tests (params / defaultParams).
var vecParams = url.Values{
	"CallSid": {"CA1234567890ABCDE"},
	"Caller":  {"+14158675309"},
	"Digits":  {"1234"},
	"From":    {"+14158675309"},
	"To":      {"+18005551212"},
}

// vecReasonParams are twilio-go's (client/request_validator_test.go), with
// two keys where one is a prefix of the other.
var vecReasonParams = url.Values{
	"Digits":                {"1234"},
	"CallSid":               {"CA1234567890ABCDE"},
	"To":                    {"+18005551212"},
	"Caller":                {"+14158675309"},
	"From":                  {"+14158675309"},
	"ReasonConferenceEnded": {"test"},
	"Reason":                {"Participant"},
}

// vecDuplicates is the repeated-value case of twilio-python
// (test_compute_signature_duplicate_query_dict), twilio-node
// ("should validate request body with multiple params and values") and
// twilio-php (testValidateWithArrayAndDuplicates): the body
// Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234&Digits=1234.
var vecDuplicates = url.Values{"Sid": {"CA123"}, "SidAccount": {"AC123"}, "Digits": {"5678", "1234", "1234"}}

func TestOfficialVectors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		from   string
		url    string
		params url.Values
		sig    string
		want   bool
	}{
		{name: "params", from: "twilio-python test_validation, twilio-node, twilio-php testValidate",
			url: vecURL, params: vecParams, sig: "RSOYDt4T1cUTdK1PDd93/VVr8B8=", want: true},
		{name: "wrong signature", from: "twilio-php testFailsWhenIncorrect",
			url: vecURL, params: vecParams, sig: "FAIL", want: false},
		{name: "https: port removed", from: "twilio-python test_validation_removes_port_on_https",
			url: "https://mycompany.com:1234/myapp.php?foo=1&bar=2", params: vecParams, sig: "RSOYDt4T1cUTdK1PDd93/VVr8B8=", want: true},
		{name: "http: port kept", from: "twilio-python test_validation_removes_port_on_http",
			url: "http://mycompany.com:1234/myapp.php?foo=1&bar=2", params: vecParams, sig: "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", want: true},
		{name: "https: :443 added", from: "twilio-python test_validation_adds_port_on_https",
			url: vecURL, params: vecParams, sig: "kvajT1Ptam85bY51eRf/AJRuM3w=", want: true},
		{name: "http: :80 added", from: "twilio-python test_validation_adds_port_on_http",
			url: "http://mycompany.com/myapp.php?foo=1&bar=2", params: vecParams, sig: "0ZXoZLH/DfblKGATFgpif+LLRf4=", want: true},
		{name: "credentials in url", from: "twilio-node \"should validate urls with credentials\", twilio-php testBuildUrlCreds",
			url: "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", params: vecParams, sig: "CukzLTc1tT5dXEDIHm/tKBanW10=", want: true},
		{name: "user in url", from: "twilio-node \"should validate urls with just username\", twilio-php testBuildUrlWithUser",
			url: "https://user@mycompany.com/myapp.php?foo=1&bar=2", params: vecParams, sig: "2YRLlVAflCqxaNicjMpJcSTgzSs=", want: true},
		{name: "credentials in url, :443 added", from: "twilio-php testBuildUrlCredsAddsPort",
			url: "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", params: vecParams, sig: "ZQFR1PTIZXF2MXB8ZnKCvnnA+rI=", want: true},
		{name: "special characters in url", from: "twilio-node \"should validate urls with special characters\"",
			url: vecURL + "&Body=It's+amazing", params: vecParams, sig: "dsq4Ehbj6cs+KdTkpF5sSSplOWw=", want: true},
		{name: "keys sorted, prefix first", from: "twilio-go TestRequestValidator_Validate",
			url: vecURL, params: vecReasonParams, sig: "vOEb5UThFn24KEfnOFLQY2AE5FY=", want: true},
		{name: "keys sorted wrongly", from: "twilio-go \"return false when params are sorted incorrectly\"",
			url: vecURL, params: vecReasonParams, sig: "95+Bu0JVPi0r/SsESZCVf0dWAjw=", want: false},
		{name: "keys sorted, http", from: "twilio-go \"http and port port is specified but signature is generated without it\"",
			url: "http://mycompany.com/myapp.php?foo=1&bar=2", params: vecReasonParams, sig: "n2xBNyzSW7rfYStDtOFiFMv7qNo=", want: true},
		{name: "array parameter", from: "twilio-node \"should validate request body with an array parameter\"",
			url:    vecURL,
			params: url.Values{"MessagingBinding.Address": {"+1325xxxxxxx", "+1415xxxxxxx"}}, sig: "83O6e2vORAoJHUNzJjDWN1jz+BA=", want: true},
		{name: "array parameter, other order", from: "twilio-node \"... regardless of the position of values in the array\"",
			url:    vecURL,
			params: url.Values{"MessagingBinding.Address": {"+1415xxxxxxx", "+1325xxxxxxx"}}, sig: "83O6e2vORAoJHUNzJjDWN1jz+BA=", want: true},
		{name: "repeated identical values, each distinct value signed once",
			from: "twilio-python test_compute_signature_duplicate_query_dict, twilio-node, twilio-php testValidateWithArrayAndDuplicates",
			url:  vecURL, params: vecDuplicates, sig: "IK+Dwps556ElfBT0I3Rgjkr1wJU=", want: true},
		{name: "url with bodySHA256", from: "twilio-python test_validation_of_body_succeeds, twilio-go, twilio-node, twilio-php",
			url: vecURL + "&bodySHA256=" + vecBodyHash, sig: "a9nBmqA0ju/hNViExpshrM61xv4=", want: true},
		{name: "url with only bodySHA256", from: "twilio-go \"there's no other parameters and the signature is right\"",
			url: "https://mycompany.com/myapp.php?bodySHA256=" + vecBodyHash, sig: "y77kIzt2vzLz71DgmJGsen2scGs=", want: true},
		{name: "url with bodySHA256 of {}", from: "twilio-node \"should validate request body when empty\"",
			url: vecURL + "&bodySHA256=" + vecEmptyBodyHash, sig: "Ldidvp12m26NI7eqEvxnEpkd9Hc=", want: true},
		{name: "body signature without bodySHA256", from: "twilio-go ValidateBody \"returns false when validation fails\"",
			url: vecURL, sig: "RSOYDt4T1cUTdK1PDd93/VVr8B8=", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, ValidSignature(vecToken, tt.url, tt.params, tt.sig), tt.from)
		})
	}
}
