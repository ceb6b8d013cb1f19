package webhook

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawPost builds a POST to target with a body that is not a form, as Twilio
// sends JSON, signed with sig.
func rawPost(target, contentType, body, sig string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	r.Header.Set("Content-Type", contentType)
	r.Header.Set(SignatureHeader, sig)
	return r
}

// TestVerifyNonFormBody checks that a POST whose body is not a form is
// verified as the official libraries do: the URL's signature, and the URL's
// bodySHA256 against the body read. The vectors are the official ones (see
// vectors_test.go); the others are signed here with Sign over the URL alone.
func TestVerifyNonFormBody(t *testing.T) {
	t.Parallel()
	withHash := vecURL + "&bodySHA256=" + vecBodyHash
	const forged = `{"property": "forged", "boolean": true}`
	tests := []struct {
		name        string
		target      string
		contentType string
		body        string
		sig         string
		opts        []Option
		wantErr     error
		wantReason  string
	}{
		{name: "json, official vector", target: withHash, contentType: "application/json", body: vecBody,
			sig: "a9nBmqA0ju/hNViExpshrM61xv4="}, // twilio-python test_validation_of_body_succeeds, twilio-go, twilio-node, twilio-php
		{name: "json {}, official vector", target: vecURL + "&bodySHA256=" + vecEmptyBodyHash, contentType: "application/json", body: "{}",
			sig: "Ldidvp12m26NI7eqEvxnEpkd9Hc="}, // twilio-node "should validate request body when empty"
		{name: "only bodySHA256 in the query, official vector", target: "https://mycompany.com/myapp.php?bodySHA256=" + vecBodyHash,
			contentType: "application/json; charset=utf-8", body: vecBody,
			sig: "y77kIzt2vzLz71DgmJGsen2scGs="}, // twilio-go "there's no other parameters and the signature is right"
		{name: "json, secondary token", target: withHash, contentType: "application/json", body: vecBody,
			sig: Sign("new-token", withHash, nil), opts: []Option{WithSecondaryToken("new-token")}},
		{name: "json behind a proxy with public url", target: "http://10.0.0.5:8080/myapp.php?foo=1&bar=2&bodySHA256=" + vecBodyHash,
			contentType: "application/json", body: vecBody, sig: "a9nBmqA0ju/hNViExpshrM61xv4=",
			opts: []Option{WithPublicURL("https://mycompany.com")}},
		{name: "captured request replayed with another body", target: withHash, contentType: "application/json", body: forged,
			sig: "a9nBmqA0ju/hNViExpshrM61xv4=", wantErr: ErrInvalidSignature, wantReason: "bodySHA256 does not match the body"},
		{name: "body appended to", target: withHash, contentType: "application/json", body: vecBody + " ",
			sig: "a9nBmqA0ju/hNViExpshrM61xv4=", wantErr: ErrInvalidSignature, wantReason: "bodySHA256 does not match the body"},
		{name: "hash matches, signature does not", target: withHash, contentType: "application/json", body: vecBody,
			sig: Sign("other-token", withHash, nil), wantErr: ErrInvalidSignature},
		{name: "hash matches, url tampered", target: withHash + "&x=1", contentType: "application/json", body: vecBody,
			sig: "a9nBmqA0ju/hNViExpshrM61xv4=", wantErr: ErrInvalidSignature},
		{name: "json without bodySHA256", target: vecURL, contentType: "application/json", body: vecBody,
			sig: Sign(vecToken, vecURL, nil), wantErr: ErrInvalidSignature, wantReason: "no bodySHA256"},
		{name: "text without bodySHA256", target: vecURL, contentType: "text/plain", body: "hello",
			sig: Sign(vecToken, vecURL, nil), wantErr: ErrInvalidSignature, wantReason: "no bodySHA256"},
		{name: "multipart without bodySHA256", target: vecURL, contentType: "multipart/form-data; boundary=x",
			body: "--x\r\nContent-Disposition: form-data; name=\"EventType\"\r\n\r\nonMessageSend\r\n--x--\r\n",
			sig:  Sign(vecToken, vecURL, nil), wantErr: ErrInvalidSignature, wantReason: "no bodySHA256"},
		{name: "empty json body without bodySHA256", target: vecURL, contentType: "application/json", body: "",
			sig: Sign(vecToken, vecURL, nil), wantErr: ErrInvalidSignature, wantReason: "no bodySHA256"},
		{name: "unparsable content type without bodySHA256", target: vecURL, contentType: "application/x-www-form-urlencoded; =", body: "a=1",
			sig: Sign(vecToken, vecURL, nil), wantErr: ErrInvalidSignature, wantReason: "no bodySHA256"},
		{name: "bodySHA256 twice", target: withHash + "&bodySHA256=" + vecBodyHash, contentType: "application/json", body: vecBody,
			sig: Sign(vecToken, withHash+"&bodySHA256="+vecBodyHash, nil), wantErr: ErrInvalidSignature, wantReason: "bodySHA256"},
		{name: "bodySHA256 in upper case", target: vecURL + "&bodySHA256=" + strings.ToUpper(vecBodyHash), contentType: "application/json", body: vecBody,
			sig: Sign(vecToken, vecURL+"&bodySHA256="+strings.ToUpper(vecBodyHash), nil), wantErr: ErrInvalidSignature, wantReason: "bodySHA256 does not match the body"},
		{name: "json body too large", target: withHash, contentType: "application/json", body: vecBody,
			sig: "a9nBmqA0ju/hNViExpshrM61xv4=", opts: []Option{WithMaxBodyBytes(16)}, wantErr: ErrBodyTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := rawPost(tt.target, tt.contentType, tt.body, tt.sig)
			params, err := VerifyRequest(vecToken, r, tt.opts...)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				assert.Nil(t, params)
				assert.NotContains(t, err.Error(), "12345")
				assert.NotContains(t, err.Error(), "new-token")
				if tt.wantReason != "" {
					var se *SignatureError
					require.ErrorAs(t, err, &se)
					assert.Contains(t, se.Reason, tt.wantReason)
				}
				return
			}
			require.NoError(t, err)
			assert.Empty(t, params, "a body that is not a form carries no webhook parameters")
			body, err := io.ReadAll(r.Body)
			require.NoError(t, err)
			assert.Equal(t, tt.body, string(body), "the next handler reads the body that was verified")
		})
	}
}

// endless is a body that never ends, counting what is read from it.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '{'
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestVerifyCapsBodyRead(t *testing.T) {
	t.Parallel()
	const limit = 1024
	for _, contentType := range []string{"application/x-www-form-urlencoded", "application/json", "text/plain", ""} {
		t.Run(contentType, func(t *testing.T) {
			t.Parallel()
			target := vecURL + "&bodySHA256=" + vecBodyHash
			body := &endless{}
			r := httptest.NewRequest(http.MethodPost, target, io.NopCloser(body))
			r.Header.Set("Content-Type", contentType)
			r.Header.Set(SignatureHeader, Sign(vecToken, target, nil))
			err := Verify(vecToken, r, WithMaxBodyBytes(limit))
			require.ErrorIs(t, err, ErrBodyTooLarge)
			// One byte past the limit tells that the body is too large;
			// nothing more is taken from the client's stream.
			assert.Equal(t, int64(limit+1), body.n, "bytes read from the body")
		})
	}
}

// TestReadBodyAllocs checks that a body is read into a reused buffer, so
// that once warm it costs one allocation, its string, as a Handler reading
// one webhook after another needs.
func TestReadBodyAllocs(t *testing.T) {
	// Not parallel: AllocsPerRun counts the allocations of the whole program.
	if raceDetector {
		t.Skip("under the race detector sync.Pool drops what is put back at random")
	}
	c, err := newConfig(nil)
	require.NoError(t, err)
	for _, size := range []int{1 << 10, 16 << 10} {
		t.Run(strconv.Itoa(size), func(t *testing.T) {
			body := strings.Repeat("a", size)
			src := strings.NewReader(body)
			r := httptest.NewRequest(http.MethodPost, vecURL, io.NopCloser(src))
			read := func() {
				src.Reset(body)
				got, err := c.readBody(r, false)
				if err != nil || len(got) != size {
					t.Fatalf("readBody = %d bytes, %v; want %d bytes", len(got), err, size)
				}
			}
			assert.Equal(t, 1.0, testing.AllocsPerRun(100, read))
		})
	}
}
