package twiliochat

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzEncodeForm(f *testing.F) {
	f.Add("support", "${USER}: ${MESSAGE}", "onMessageSent", "", 500, true)
	f.Add("a&b=c", "line\nbreak\r\n", "x=y&z", "naïve ☃", 0, false)
	f.Add("", "%2F..%2F", "?#", "\xff\xfe", -1, true)
	f.Fuzz(func(t *testing.T, name, template, filter1, filter2 string, members int, enabled bool) {
		params := &UpdateServiceParams{
			FriendlyName:   &name,
			WebhookFilters: []string{filter1, filter2},
			Notifications: &NotificationsParams{
				NewMessage: &NewMessageNotificationParams{Template: &template, Enabled: &enabled},
				LogEnabled: &enabled,
			},
			Limits: &LimitsParams{ChannelMembers: &members},
			Media:  &MediaParams{CompatibilityMessage: &template},
		}
		want := url.Values{
			"FriendlyName":                      {name},
			"WebhookFilters":                    {filter1, filter2},
			"Notifications.NewMessage.Template": {template},
			"Notifications.NewMessage.Enabled":  {map[bool]string{true: "true", false: "false"}[enabled]},
			"Notifications.LogEnabled":          {map[bool]string{true: "true", false: "false"}[enabled]},
			"Limits.ChannelMembers":             {strconv.Itoa(members)},
			"Media.CompatibilityMessage":        {template},
		}
		form, err := encodeForm(params)
		if err != nil {
			t.Fatalf("encodeForm: %v", err)
		}
		wire := form.Encode()
		got, err := url.ParseQuery(wire)
		if err != nil {
			t.Fatalf("ParseQuery(%q): %v", wire, err)
		}
		if len(got) != len(want) {
			t.Fatalf("keys: got %v, want %v", got, want)
		}
		for key, values := range want {
			if len(got[key]) != len(values) {
				t.Fatalf("%s: got %q, want %q", key, got[key], values)
			}
			for i := range values {
				if got[key][i] != values[i] {
					t.Fatalf("%s[%d]: got %q, want %q", key, i, got[key][i], values[i])
				}
			}
		}
	})
}

func FuzzDecodeResponse(f *testing.F) {
	f.Add(503, []byte(`{"code":20503,"message":"down","more_info":"https://x","details":{"a":[1,"b"]}}`), "")
	f.Add(404, []byte("<html><body>Not Found</body></html>"), "")
	f.Add(302, []byte(""), "https://elsewhere.example/")
	f.Add(200, []byte("{}"), "")
	f.Add(200, []byte(`{"sid":"ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","limits":null}`), "")
	f.Add(204, []byte(""), "")
	f.Add(500, []byte("\xff\xfe\x00 binary"), "\x00")
	// Echoes of the token across the excerpt's cut, split by bytes the
	// excerpt drops, and escaped.
	f.Add(502, []byte(strings.Repeat("x", 240)+testAuthToken), strings.Repeat(" ", 250)+testAuthToken)
	f.Add(503, []byte(`{"code":1,"message":"`+testAuthToken[:5]+`\u001b`+testAuthToken[5:]+`","details":{"`+testAuthToken+`":1}}`), "")
	f.Add(401, []byte(testAuthToken[:4]+"\xff"+strings.ToUpper(testAuthToken[4:])), url.QueryEscape(testAuthToken))
	c, err := NewClient(testAccountSID, testAuthToken)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, status int, body []byte, location string) {
		status = 100 + int(uint(status)%500)
		resp := &http.Response{
			StatusCode: status,
			Header:     http.Header{"Location": {location}, "Twilio-Request-Id": {location}},
			Body:       io.NopCloser(bytes.NewReader(body)),
		}
		if status >= 200 && status <= 299 {
			err := decodeBody(resp, new(Service), c.creds.redactor)
			var decErr *DecodeError
			if err != nil && (!errors.As(err, &decErr) || decErr.Status != status) {
				t.Fatalf("decodeBody: %v, want nil or a *DecodeError with status %d", err, status)
			}
			return
		}
		err := checkResponse(resp, c.creds.redactor)
		var apiErr *APIError
		if !errors.As(err, &apiErr) || apiErr.Status != status {
			t.Fatalf("checkResponse: %v, want an *APIError with status %d", err, status)
		}
		if msg := err.Error(); !utf8.ValidString(msg) {
			t.Fatalf("message %q is not valid UTF-8", msg)
		}
		// No 8 characters of the token survive, in any case, in what a
		// log line would print.
		if text := strings.ToLower(fmt.Sprintf("%v %#v", err, *apiErr)); strings.Contains(text, strings.ToLower(testAuthToken[:minSecret])) {
			t.Fatalf("the token shows in %q", text)
		}
	})
}
