package webhook

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"hash"
	"net"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
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
	s := newSigner(authToken)
	st := s.get()
	defer s.put(st)
	st.msg = appendSigned(st.msg[:0], fullURL, st.params(params, false))
	return base64.StdEncoding.EncodeToString(st.sum())
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
	if authToken == "" {
		return false
	}
	return newSigner(authToken).valid(urlVariants(fullURL), params, signature)
}

// signer computes and checks signatures with one auth token. It keeps the
// HMAC keyed with the token, and the buffers a signature is computed in, for
// the next request: a Handler keeps one per token it accepts. It is safe for
// concurrent use.
type signer struct {
	token  string
	states sync.Pool // of *macState
}

// newSigner returns a signer for authToken.
func newSigner(authToken string) *signer {
	return &signer{token: authToken}
}

// macState is the HMAC of a signer and the scratch space of one signature.
type macState struct {
	mac    hash.Hash // HMAC-SHA1 keyed with the signer's token
	msg    []byte    // what is signed: the URL, then the parameters
	signed []byte    // the parameters as signed, key+value after key+value
	keys   []string
	values []string
	out    [sha1.Size]byte
}

// get returns a macState of s, keyed with its token.
func (s *signer) get() *macState {
	if st, ok := s.states.Get().(*macState); ok {
		return st
	}
	return &macState{mac: hmac.New(sha1.New, []byte(s.token))}
}

// put returns st to s for reuse, unless its buffers grew large.
func (s *signer) put(st *macState) {
	const maxKept = 64 << 10
	if cap(st.msg) > maxKept || cap(st.signed) > maxKept {
		return
	}
	s.states.Put(st)
}

// sum returns the HMAC of st.msg, in st.
func (st *macState) sum() []byte {
	st.mac.Reset()
	st.mac.Write(st.msg)
	return st.mac.Sum(st.out[:0])
}

// params returns params as they are signed, in st.signed: every key+value,
// keys sorted and the values of a key sorted too. With distinct, a value
// repeated under one key is signed once, as twilio-node, twilio-php and
// twilio-python do; otherwise every occurrence is, as twilio-go does.
func (st *macState) params(params url.Values, distinct bool) []byte {
	st.keys = st.keys[:0]
	for k := range params {
		st.keys = append(st.keys, k)
	}
	slices.Sort(st.keys)
	b := st.signed[:0]
	for _, k := range st.keys {
		values := params[k]
		if len(values) > 1 {
			st.values = append(st.values[:0], values...)
			slices.Sort(st.values)
			values = st.values
		}
		for i, v := range values {
			if distinct && i > 0 && v == values[i-1] {
				continue
			}
			b = append(b, k...)
			b = append(b, v...)
		}
	}
	clear(st.keys)
	clear(st.values)
	st.signed = b
	return b
}

// appendSigned appends what Twilio signs to dst: fullURL, then the signed
// parameters.
func appendSigned(dst []byte, fullURL string, signed []byte) []byte {
	return append(append(dst, fullURL...), signed...)
}

// maxSignatureLen is the longest signature decoded without allocating; a
// valid one (base64 of 20 bytes) has 28 characters.
const maxSignatureLen = 64

// valid reports whether signature is the signature of one of the URLs
// (fullURL and its variants, see urlVariants) with params, in either way of
// signing a repeated value. It checks every combination, so the time taken
// does not tell which one matched.
func (s *signer) valid(urls []string, params url.Values, signature string) bool {
	if s.token == "" || signature == "" {
		return false
	}
	var want []byte
	var decoded [maxSignatureLen]byte
	if len(signature) <= maxSignatureLen {
		n, err := base64.StdEncoding.Decode(decoded[:], []byte(signature))
		if err != nil {
			return false
		}
		want = decoded[:n]
	} else {
		var err error
		if want, err = base64.StdEncoding.DecodeString(signature); err != nil {
			return false
		}
	}
	st := s.get()
	defer s.put(st)
	valid := false
	ways := 1
	if repeatsAValue(params) {
		ways = 2
	}
	for way := range ways {
		signed := st.params(params, way == 1)
		for _, u := range urls {
			st.msg = appendSigned(st.msg[:0], u, signed)
			if hmac.Equal(st.sum(), want) {
				valid = true
			}
		}
	}
	return valid
}

// repeatsAValue reports whether some key carries the same value twice, the
// only case in which the two ways of signing differ.
func repeatsAValue(params url.Values) bool {
	// A few values are compared pairwise; many, through a set, so that a
	// key repeated thousands of times costs linear time.
	const pairwise = 8
	for _, values := range params {
		switch n := len(values); {
		case n < 2:
		case n <= pairwise:
			for i := 1; i < n; i++ {
				if slices.Contains(values[:i], values[i]) {
					return true
				}
			}
		default:
			seen := make(map[string]bool, n)
			for _, v := range values {
				if seen[v] {
					return true
				}
				seen[v] = true
			}
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

// variantCache remembers the URL variants of the last URL checked: a
// Handler's requests almost always come to one URL.
type variantCache struct {
	last atomic.Pointer[[]string] // fullURL, then its variants
}

// variants returns urlVariants(fullURL), computing it only when fullURL is
// not the last URL asked for.
func (c *variantCache) variants(fullURL string) []string {
	if v := c.last.Load(); v != nil && (*v)[0] == fullURL {
		return *v
	}
	v := urlVariants(fullURL)
	c.last.Store(&v)
	return v
}
