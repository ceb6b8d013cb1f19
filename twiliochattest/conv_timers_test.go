package twiliochattest_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/e3f0929f/twiliochat/conversations"
	"github.com/e3f0929f/twiliochat/twiliochattest"
	"github.com/e3f0929f/twiliochat/webhook"
)

// stateChanges are the onConversationStateUpdated rc received, each as
// "from>to at reason", checked to carry no Source (Twilio's own change) or
// to carry the API's.
func stateChanges(t *testing.T, srv *twiliochattest.Server, rc *receiver) []string {
	t.Helper()
	waitHooks(t, srv)
	var out []string
	for _, p := range rc.take(t) {
		e, ok := p.(*webhook.ConversationStateUpdatedEvent)
		require.True(t, ok, "%T", p)
		if e.Reason == "API" {
			assert.Equal(t, "API", e.Source)
		} else {
			assert.NotContains(t, e.Params, "Source", "a %s change is Twilio's own", e.Reason)
		}
		out = append(out, e.StateFrom+">"+e.StateTo+" "+e.StateUpdated.Sub(t0).String()+" "+e.Reason)
	}
	return out
}

func TestFireTimers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		form    url.Values
		update  url.Values // sent after the Create, when set
		advance time.Duration
		want    []string
	}{
		{"not due", url.Values{"Timers.Inactive": {"PT5M"}, "Timers.Closed": {"PT10M"}}, nil, 4 * time.Minute, nil},
		{"inactive due", url.Values{"Timers.Inactive": {"PT5M"}, "Timers.Closed": {"PT10M"}}, nil, 5 * time.Minute,
			[]string{"active>inactive 5m0s TIMER"}},
		{"both due, inactive first", url.Values{"Timers.Inactive": {"PT5M"}, "Timers.Closed": {"PT10M"}}, nil, time.Hour,
			[]string{"active>inactive 5m0s TIMER", "inactive>closed 10m0s TIMER"}},
		{"closed first", url.Values{"Timers.Inactive": {"PT20M"}, "Timers.Closed": {"PT10M"}}, nil, time.Hour,
			[]string{"active>closed 10m0s TIMER"}},
		{"inactive by the API", url.Values{"State": {"inactive"}, "Timers.Inactive": {"PT5M"}, "Timers.Closed": {"PT10M"}}, nil, time.Hour,
			[]string{"inactive>closed 10m0s TIMER"}},
		{"closed timer only", url.Values{"Timers.Closed": {"PT10M"}}, nil, 10 * time.Minute, []string{"active>closed 10m0s TIMER"}},
		{"no timer", url.Values{}, nil, time.Hour, nil},
		{"inactive timer cleared", url.Values{"Timers.Inactive": {"PT5M"}, "Timers.Closed": {"PT10M"}}, url.Values{"Timers.Inactive": {""}}, time.Hour,
			[]string{"active>closed 10m0s TIMER"}},
		{"closed timer cleared", url.Values{"Timers.Inactive": {"PT5M"}, "Timers.Closed": {"PT10M"}}, url.Values{"Timers.Closed": {""}}, time.Hour,
			[]string{"active>inactive 5m0s TIMER"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, clock := newServerWithClock(t)
			rc := newReceiver(t, srv.AuthToken())
			svc := convService(t, srv, rc.URL, http.MethodPost, "onConversationStateUpdated")
			ch := convCall(t, srv, false, http.MethodPost, "/v1/Services/"+svc+"/Conversations", tt.form)["sid"].(string)
			if tt.update != nil {
				convCall(t, srv, false, http.MethodPost, "/v1/Services/"+svc+"/Conversations/"+ch, tt.update)
			}
			clock.Advance(tt.advance)
			srv.FireTimers()
			assert.Equal(t, tt.want, stateChanges(t, srv, rc))
			srv.FireTimers()
			assert.Empty(t, stateChanges(t, srv, rc), "a timer fires once")
		})
	}
}

func TestConversationStateChangesOfTwiliosOwn(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv, clock := newServerWithClock(t)
	rc := newReceiver(t, srv.AuthToken())
	svc := convService(t, srv, rc.URL, http.MethodPost, "onConversationStateUpdated")
	base := "/v1/Services/" + svc + "/Conversations/"
	ch := convCall(t, srv, false, http.MethodPost, strings.TrimSuffix(base, "/"), url.Values{
		"UniqueName": {"support"}, "Timers.Inactive": {"PT5M"}, "Timers.Closed": {"PT30M"},
	})["sid"].(string)
	_, err := srv.SeedMember(svc, ch, "alice")
	require.NoError(t, err)

	clock.Advance(5 * time.Minute)
	assert.Equal(t, "inactive", convCall(t, srv, false, http.MethodGet, base+ch, nil)["state"], "read, a due timer shows")
	assert.Empty(t, stateChanges(t, srv, rc), "no timer runs: nothing is sent on a read")

	// A message through Chat, with no webhook asked for, wakes it.
	_, err = srv.NewClient().Messages.Create(ctx, svc, ch, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"active>inactive 5m0s TIMER", "inactive>active 5m0s EVENT"}, stateChanges(t, srv, rc),
		"the due timer first, then the message")

	// An SDK message after the restarted inactive timer wakes it again.
	clock.Advance(6 * time.Minute)
	alice, err := srv.ConnectConversationsAs(svc, "alice")
	require.NoError(t, err)
	_, err = alice.SendMessage(ctx, ch, "anyone there?", "")
	require.NoError(t, err)
	assert.Equal(t, []string{"active>inactive 10m0s TIMER", "inactive>active 11m0s EVENT"}, stateChanges(t, srv, rc))

	// A REST change with no webhook asked for sends the changes of the
	// timers due before it.
	clock.Advance(time.Hour)
	convCall(t, srv, false, http.MethodPost, base+ch, url.Values{"FriendlyName": {"archived"}})
	assert.Equal(t, []string{"active>inactive 16m0s TIMER", "inactive>closed 30m0s TIMER"}, stateChanges(t, srv, rc))
	c, err := srv.NewConversationsClient().Service(svc).Conversations.Fetch(ctx, "support")
	require.NoError(t, err)
	assert.Equal(t, conversations.ConversationStateClosed, c.State)
	assert.Equal(t, "archived", c.FriendlyName)
}
