package twiliochat

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// captureClient returns a Client whose transport records each request's
// escaped path and answers with body, never touching the network.
func captureClient(t *testing.T, status int, body []byte) (*Client, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var paths []string
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		mu.Lock()
		paths = append(paths, r.URL.EscapedPath())
		mu.Unlock()
		return &http.Response{StatusCode: status, Header: http.Header{"Content-Type": {"application/json"}},
			Body: io.NopCloser(bytes.NewReader(body)), Request: r}, nil
	})}
	c, _ := newTestClient(t, "https://chat.twilio.com", WithHTTPClient(hc))
	return c, func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), paths...) }
}

// TestHostileNameValues checks every path value that may be a name with
// names a hostile caller could pass: each is refused with a
// *ValidationError naming its path parameter and no request, or sent as
// exactly one escaped segment that decodes back to the name, never a path
// that addresses another resource.
func TestHostileNameValues(t *testing.T) {
	t.Parallel()
	names := []string{"\x00", "a\x00b", "\x01\x1f\x7f", "\xff\xfe", "\xc0\xae\xc0\xae", strings.Repeat("a", 1<<20),
		"%2e%2e", "..%2f", "%2E%2E", "/", "?", "#", "\\", "..\\", "\uff0e\uff0e", "\u2024\u2024", "\u3002", ".\u200b.", " .. ", "\t", "\r\n", "%", "%00", ";", "..;"}
	for _, op := range registryOps(t) {
		for i, p := range op.Params {
			if !p.Names {
				continue
			}
			for _, name := range names {
				e := registry[op.ID]
				body, _ := os.ReadFile(e.body)
				if e.body == "" {
					body = nil
				}
				c, paths := captureClient(t, 200, body)
				values := goodValues(op)
				values[i] = name
				var err error
				require.NotPanicsf(t, func() { err = e.call(context.Background(), c, values) }, "%s %q", op.ID, shortName(name))
				got := paths()
				if err != nil && errors.As(err, new(*ValidationError)) {
					assert.Empty(t, got)
					assert.Equal(t, []string{p.Name}, validationFields(err), "%s %q", op.ID, shortName(name))
					continue
				}
				if !assert.Len(t, got, 1, "%s %q: %v", op.ID, shortName(name), err) {
					continue
				}
				segs := strings.Split(got[0], "/")
				want := strings.Split(op.Path, "/")
				if !assert.Len(t, segs, len(want), "%s %q", op.ID, shortName(name)) {
					continue
				}
				seg := segs[strings.Count(strings.Join(op.Parts[:i+1], "x"), "/")]
				dec, uerr := url.PathUnescape(seg)
				assert.NoError(t, uerr)
				assert.True(t, name == dec, "%s %q: the segment decodes to %q", op.ID, shortName(name), shortName(dec))
				u, perr := url.Parse("https://chat.twilio.com" + got[0])
				if assert.NoError(t, perr) {
					assert.Equal(t, got[0], u.EscapedPath())
				}
			}
		}
	}
}

// shortName cuts a long test name for a failure message.
func shortName(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// hostileJSON are the values a hostile server could put in place of any one
// key of an answer: null, every other JSON type, numbers no Go int holds,
// and strings that are not what the key should hold.
var hostileJSON = []string{`null`, `1`, `-1`, `0.5`, `1e400`, `99999999999999999999`, `"x"`, `""`, `"\u0000"`, `"\ud800"`,
	`"2020-13-45T00:00:00Z"`, `true`, `{}`, `{"a":1}`, `[]`, `[1]`}

// TestHostileAnswerValues replaces each key of every operation's answer (of
// the last item of a list page) in turn with each of hostileJSON: the call
// succeeds (null, or a value of the key's type) or fails with a
// *DecodeError, never a panic and never a value along with the error; a
// list's List yields no item of a page before the error the page gives.
func TestHostileAnswerValues(t *testing.T) {
	t.Parallel()
	for _, op := range registryOps(t) {
		e := registry[op.ID]
		if e.body == "" {
			continue
		}
		t.Run(op.ID, func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile(e.body)
			require.NoError(t, err)
			var doc map[string]any
			require.NoError(t, json.Unmarshal(raw, &doc))
			item := doc
			if op.ListKey != "" {
				items, _ := doc[op.ListKey].([]any)
				require.NotEmpty(t, items, "%s: want a page with items", e.body)
				item = items[len(items)-1].(map[string]any)
			}
			for key, orig := range item {
				for _, v := range hostileJSON {
					item[key] = json.RawMessage(v)
					body, err := json.Marshal(doc)
					require.NoError(t, err)
					item[key] = orig

					c, _ := captureClient(t, http.StatusOK, body)
					var callErr error
					require.NotPanics(t, func() { callErr = e.call(context.Background(), c, goodValues(op)) }, "%s=%s", key, v)
					if callErr == assert.AnError { // the call returned its value
						continue
					}
					var decErr *DecodeError
					assert.ErrorAs(t, callErr, &decErr, "%s=%s", key, v)
					if e.list != nil {
						c, _ := captureClient(t, http.StatusOK, body)
						assert.ErrorAs(t, e.list(context.Background(), c, goodValues(op)), &decErr, "List: %s=%s", key, v)
					}
				}
			}
		})
	}
}

// TestListPageWithoutItsList checks every list with 200 answers that are not
// a page of that list: a *DecodeError from ListPage, NextPage and List (with
// no item before it), not an empty last page that would end the list
// silently.
func TestListPageWithoutItsList(t *testing.T) {
	t.Parallel()
	for _, op := range registryOps(t) {
		e := registry[op.ID]
		if op.ListKey == "" {
			continue
		}
		key := op.ListKey
		bodies := map[string]string{
			"empty object":   `{}`,
			"null":           `null`,
			"meta alone":     `{"meta": {"key": "` + key + `", "next_page_url": null}}`,
			"null list":      `{"` + key + `": null, "meta": {"key": "` + key + `"}}`,
			"another list":   `{"other": [], "meta": {"key": "other"}}`,
			"another key":    `{"` + key + `": [], "meta": {"key": "other"}}`,
			"list not array": `{"` + key + `": {}, "meta": {"key": "` + key + `"}}`,
			"array":          `[]`,
		}
		for name, body := range bodies {
			t.Run(op.ID+"/"+name, func(t *testing.T) {
				t.Parallel()
				var decErr *DecodeError
				c, _ := captureClient(t, http.StatusOK, []byte(body))
				assert.ErrorAs(t, e.call(context.Background(), c, goodValues(op)), &decErr, "ListPage")
				assert.ErrorAs(t, e.list(context.Background(), c, goodValues(op)), &decErr, "List")
				assert.ErrorAs(t, e.next(context.Background(), c, "https://chat.twilio.com/v2/Services?Page=1"), &decErr, "NextPage")
			})
		}
		for name, body := range map[string]string{
			"empty page":   `{"` + key + `": [], "meta": {"key": "` + key + `"}}`,
			"without meta": `{"` + key + `": []}`,
		} {
			t.Run(op.ID+"/"+name, func(t *testing.T) {
				t.Parallel()
				c, _ := captureClient(t, http.StatusOK, []byte(body))
				assert.ErrorIs(t, e.call(context.Background(), c, goodValues(op)), assert.AnError, "ListPage returns its page")
				assert.ErrorIs(t, e.list(context.Background(), c, goodValues(op)), assert.AnError, "List yields no error")
			})
		}
	}
}

// TestDatesRFC3339CannotCarry checks the date keys with times that RFC 3339,
// in the time's own zone as twilio-go sends it, cannot carry exactly: a
// *ValidationError naming the key and no request. A zone offset with seconds
// would be cut to minutes on the wire, another instant. Odd zones of whole
// minutes are sent as they are.
func TestDatesRFC3339CannotCarry(t *testing.T) {
	t.Parallel()
	at := func(year int, offset int) *time.Time {
		v := time.Date(year, 1, 2, 3, 4, 5, 0, time.FixedZone("odd", offset))
		return &v
	}
	tests := []struct {
		name string
		when *time.Time
		want string // the wire value, "" for a *ValidationError
	}{
		{"offset with seconds", at(2020, 3600+30), ""},
		{"local mean time of Amsterdam", at(1900, 19*60+32), ""},
		{"offset of 24 hours", at(2020, 24*3600), ""},
		{"offset of -24 hours", at(2020, -24*3600), ""},
		{"offset of -25 hours", at(2020, -25*3600), ""},
		{"year 10000", at(10000, 0), ""},
		{"year -1", at(-1, 0), ""},
		{"Nepal", at(2020, 5*3600+45*60), "2020-01-02T03:04:05+05:45"},
		{"Newfoundland", at(2020, -(3*3600 + 30*60)), "2020-01-02T03:04:05-03:30"},
		{"offset of 23:59", at(2020, 24*3600-60), "2020-01-02T03:04:05+23:59"},
		{"year 0", at(0, 0), "0000-01-02T03:04:05Z"},
		{"year 9999", at(9999, 0), "9999-01-02T03:04:05Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, serveFile(t, http.StatusOK, "testdata/channel_create.json"))
			c := rec.client(t)

			_, err := c.Channels.Create(context.Background(), testServiceSID, &CreateChannelParams{DateCreated: tt.when})
			_, memberErr := c.Members.Update(context.Background(), testServiceSID, "general", "alice", &UpdateMemberParams{LastConsumptionTimestamp: tt.when})

			if tt.want == "" {
				assert.Equal(t, []string{"DateCreated"}, validationFields(err))
				assert.Equal(t, []string{"LastConsumptionTimestamp"}, validationFields(memberErr))
				assert.Empty(t, rec.requests())
				return
			}
			require.NoError(t, err)
			reqs := rec.requests()
			require.NotEmpty(t, reqs)
			form, err := url.ParseQuery(reqs[0].Body)
			require.NoError(t, err)
			assert.Equal(t, []string{tt.want}, form["DateCreated"])
		})
	}
}

// TestAttributesMustBeUTF8 checks every Attributes key with JSON text that
// holds bytes that are not UTF-8 inside a string, which json.Valid lets
// through: a *ValidationError naming Attributes and no request.
func TestAttributesMustBeUTF8(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	calls := map[string]func(c *Client, a *string) error{
		"CreateChannel": func(c *Client, a *string) error {
			return errorOf(c.Channels.Create(ctx, testServiceSID, &CreateChannelParams{Attributes: a}))
		},
		"UpdateChannel": func(c *Client, a *string) error {
			return errorOf(c.Channels.Update(ctx, testServiceSID, "general", &UpdateChannelParams{Attributes: a}))
		},
		"CreateUser": func(c *Client, a *string) error {
			return errorOf(c.Users.Create(ctx, testServiceSID, &CreateUserParams{Identity: Ptr("alice"), Attributes: a}))
		},
		"UpdateUser": func(c *Client, a *string) error {
			return errorOf(c.Users.Update(ctx, testServiceSID, "alice", &UpdateUserParams{Attributes: a}))
		},
		"CreateMember": func(c *Client, a *string) error {
			return errorOf(c.Members.Create(ctx, testServiceSID, "general", &CreateMemberParams{Identity: Ptr("alice"), Attributes: a}))
		},
		"UpdateMember": func(c *Client, a *string) error {
			return errorOf(c.Members.Update(ctx, testServiceSID, "general", "alice", &UpdateMemberParams{Attributes: a}))
		},
		"CreateMessage": func(c *Client, a *string) error {
			return errorOf(c.Messages.Create(ctx, testServiceSID, "general", &CreateMessageParams{Body: Ptr("hi"), Attributes: a}))
		},
		"UpdateMessage": func(c *Client, a *string) error {
			return errorOf(c.Messages.Update(ctx, testServiceSID, "general", "IM0123456789abcdef0123456789abcdef", &UpdateMessageParams{Attributes: a}))
		},
	}
	for id, call := range calls {
		for name, attrs := range map[string]string{
			"invalid byte in a string": "{\"tier\":\"\xff\"}",
			"cut rune in a key":        "{\"caf\xc3\":1}",
			"surrogate as UTF-8":       "\"\xed\xa0\x80\"",
		} {
			t.Run(id+"/"+name, func(t *testing.T) {
				t.Parallel()
				c, paths := captureClient(t, http.StatusOK, []byte("{}"))

				err := call(c, &attrs)

				assert.Equal(t, []string{"Attributes"}, validationFields(err), "%v", err)
				assert.Empty(t, paths())
			})
		}
	}
}
