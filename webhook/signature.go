package webhook

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"net"
	"net/url"
	"sort"
	"strings"
)

// SignatureHeader is the HTTP header in which Twilio sends the request
// signature.
const SignatureHeader = "X-Twilio-Signature"

// Sign returns the signature Twilio computes for a request to fullURL carrying
// params: the base64 encoding of HMAC-SHA1, keyed with authToken, over fullURL
// followed by every parameter as key+value, keys sorted and the values of a
// repeated key sorted too, each occurrence signed (as twilio-go does). For a
// GET webhook, or a POST whose body is not a form, pass the URL with its
// query and nil params. Sign is meant for tests and tools that need to
// produce signed requests; use ValidSignature or Verify to check one.
func Sign(authToken, fullURL string, params url.Values) string {
	return base64.StdEncoding.EncodeToString(mac(authToken, fullURL, params, false))
}

// mac computes the HMAC-SHA1 Sign encodes. With distinct, a value repeated
// under one key is signed once, as twilio-node, twilio-php and twilio-python
// do; otherwise every occurrence is.
func mac(authToken, fullURL string, params url.Values, distinct bool) []byte {
	m := hmac.New(sha1.New, []byte(authToken))
	m.Write([]byte(fullURL))
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		values := append([]string(nil), params[k]...)
		sort.Strings(values)
		for i, v := range values {
			if distinct && i > 0 && v == values[i-1] {
				continue
			}
			m.Write([]byte(k))
			m.Write([]byte(v))
		}
	}
	return m.Sum(nil)
}

// ValidSignature reports whether signature is the one Twilio would send for a
// request to fullURL with params, signed with authToken. Like Twilio's own
// libraries it also accepts the signature of fullURL with the scheme's default
// port added (":443" for https, ":80" for http) when fullURL has no port, and
// of fullURL with its port removed when it has one. When a key repeats a
// value (Digits=1234&Digits=1234), it accepts the signature over every
// occurrence, as twilio-go computes it, and over each distinct value once, as
// twilio-node, twilio-php and twilio-python do. The comparison runs in
// constant time. An empty authToken or signature is never valid.
//
// ValidSignature checks the signature alone: for a POST whose body is not a
// form, Verify also checks the URL's bodySHA256 against the body.
func ValidSignature(authToken, fullURL string, params url.Values, signature string) bool {
	if authToken == "" || signature == "" {
		return false
	}
	want, err := base64.StdEncoding.DecodeString(signature)
	if err != nil {
		return false
	}
	ways := []bool{false}
	if repeatsAValue(params) {
		ways = append(ways, true)
	}
	valid := false
	for _, u := range urlVariants(fullURL) {
		for _, distinct := range ways {
			// Check every variant, so timing does not reveal which one matched.
			if hmac.Equal(mac(authToken, u, params, distinct), want) {
				valid = true
			}
		}
	}
	return valid
}

// repeatsAValue reports whether some key carries the same value twice, the
// only case in which the two ways of signing differ.
func repeatsAValue(params url.Values) bool {
	for _, values := range params {
		if len(values) < 2 {
			continue
		}
		seen := make(map[string]bool, len(values))
		for _, v := range values {
			if seen[v] {
				return true
			}
			seen[v] = true
		}
	}
	return false
}

// urlVariants returns fullURL as given, then with the default port added or
// with its port removed, the forms Twilio's signing is known to use.
func urlVariants(fullURL string) []string {
	variants := []string{fullURL}
	u, err := url.Parse(fullURL)
	if err != nil || u.Host == "" {
		return variants
	}
	host := u.Hostname()
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // IPv6 literal
	}
	if u.Port() != "" {
		u.Host = host
		return append(variants, u.String())
	}
	port := map[string]string{"https": "443", "http": "80"}[strings.ToLower(u.Scheme)]
	if port == "" {
		return variants
	}
	u.Host = net.JoinHostPort(u.Hostname(), port)
	return append(variants, u.String())
}
