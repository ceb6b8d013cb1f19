package webhook

import (
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	tAccount  = "AC0123456789abcdef0123456789abcdef"
	tService  = "IS1123456789abcdef1123456789abcdef"
	tChannel  = "CH2123456789abcdef2123456789abcdef"
	tMessage  = "IM3123456789abcdef3123456789abcdef"
	tMember   = "MB4123456789abcdef4123456789abcdef"
	tUser     = "US5123456789abcdef5123456789abcdef"
	tRole     = "RL6123456789abcdef6123456789abcdef"
	tMedia    = "ME7123456789abcdef7123456789abcdef"
	tWebhook  = "WH8123456789abcdef8123456789abcdef"
	tBody     = "Hello, world & friends = 100%"
	tMsgAttrs = `{"importance":"high","tags":["a","b"]}`
	tChAttrs  = `{"topic":"billing"}`
	tUsAttrs  = `{"avatar":"https://example.com/a.png"}`
	tMbAttrs  = `{"department":"support","level":2}`
)

var (
	tCreated = time.Date(2024, 5, 6, 7, 8, 9, 123e6, time.UTC)
	tUpdated = time.Date(2024, 5, 6, 8, 0, 0, 0, time.UTC)
	tRemoved = time.Date(2024, 5, 6, 9, 30, 0, 5e8, time.UTC)
)

// loadForm reads testdata/<name>.form, one urlencoded body.
func loadForm(t testing.TB, name string) url.Values {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".form"))
	require.NoError(t, err)
	form, err := url.ParseQuery(strings.TrimSpace(string(b)))
	require.NoError(t, err)
	return form
}

func preEvent(eventType string, form url.Values) Event {
	return Event{
		EventType: eventType, AccountSID: tAccount, InstanceSID: tService,
		ClientIdentity: "alice", Source: "SDK", Params: form,
	}
}

func postEvent(eventType string, form url.Values) Event {
	e := preEvent(eventType, form)
	e.RetryCount, e.WebhookSID, e.WebhookType = 1, tWebhook, "webhook"
	return e
}

func intp(n int) *int    { return &n }
func boolp(b bool) *bool { return &b }

func TestParseTestdata(t *testing.T) {
	t.Parallel()
	media := &Media{SID: tMedia, Filename: "cat.png", ContentType: "image/png", Size: 20480}
	msg := MessageFields{
		ChannelSID: tChannel, Body: tBody, Attributes: json.RawMessage(tMsgAttrs), From: "alice", DateCreated: tCreated,
	}
	channel := ChannelFields{
		ChannelType: "private", FriendlyName: "Support room", UniqueName: "support",
		Attributes: json.RawMessage(tChAttrs), CreatedBy: "alice",
	}
	member := MemberFields{ChannelSID: tChannel, Identity: "carol", RoleSID: tRole, Attributes: json.RawMessage(tMbAttrs)}
	msgUpdate := func(e Event) *MessageUpdateEvent {
		return &MessageUpdateEvent{
			Event: e, MessageSID: tMessage, Index: 42, MessageFields: msg, ModifiedBy: "bob", DateUpdated: tUpdated,
		}
	}
	msgRemove := func(e Event) *MessageRemoveEvent {
		return &MessageRemoveEvent{
			Event: e, MessageSID: tMessage, Index: 42, MessageFields: msg, RemovedBy: "bob", DateUpdated: tUpdated,
		}
	}
	chUpdate := func(e Event) *ChannelUpdateEvent {
		return &ChannelUpdateEvent{
			Event: e, ChannelSID: tChannel, ChannelFields: channel, DateCreated: tCreated, DateUpdated: tUpdated,
		}
	}
	memUpdate := func(e Event) *MemberUpdateEvent {
		return &MemberUpdateEvent{
			Event: e, MemberSID: tMember, MemberFields: member,
			LastConsumedMessageIndex: intp(41), DateCreated: tCreated, DateUpdated: tUpdated,
		}
	}
	memAdded := func(e Event, reason string) *MemberAddedEvent {
		return &MemberAddedEvent{
			Event: e, MemberSID: tMember, MemberFields: member, Reason: reason, DateCreated: tCreated,
		}
	}
	userUpdate := func(e Event) *UserUpdateEvent {
		return &UserUpdateEvent{
			Event: e, UserSID: tUser, Identity: "alice", FriendlyName: "Alice A.", RoleSID: tRole,
			Attributes: json.RawMessage(tUsAttrs), IsOnline: boolp(true), IsNotifiable: boolp(false),
			DateCreated: tCreated, DateUpdated: tUpdated,
		}
	}

	tests := []struct {
		name string
		want func(form url.Values) Payload
	}{
		{EventMessageSend, func(f url.Values) Payload {
			return &MessageSendEvent{Event: preEvent(EventMessageSend, f), MessageFields: msg}
		}},
		{EventMediaMessageSend, func(f url.Values) Payload {
			return &MessageSendEvent{Event: preEvent(EventMediaMessageSend, f), MessageFields: msg, Media: media}
		}},
		{EventMessageSent, func(f url.Values) Payload {
			return &MessageSentEvent{Event: postEvent(EventMessageSent, f), MessageSID: tMessage, Index: 42, MessageFields: msg}
		}},
		{EventMediaMessageSent, func(f url.Values) Payload {
			return &MessageSentEvent{
				Event: postEvent(EventMediaMessageSent, f), MessageSID: tMessage, Index: 43, MessageFields: msg, Media: media,
			}
		}},
		{EventMessageUpdate, func(f url.Values) Payload { return msgUpdate(preEvent(EventMessageUpdate, f)) }},
		{EventMessageUpdated, func(f url.Values) Payload {
			return (*MessageUpdatedEvent)(msgUpdate(postEvent(EventMessageUpdated, f)))
		}},
		{EventMessageRemove, func(f url.Values) Payload { return msgRemove(preEvent(EventMessageRemove, f)) }},
		{EventMessageRemoved, func(f url.Values) Payload {
			return &MessageRemovedEvent{MessageRemoveEvent: *msgRemove(postEvent(EventMessageRemoved, f)), DateRemoved: tRemoved}
		}},
		{EventChannelAdd, func(f url.Values) Payload {
			return &ChannelAddEvent{Event: preEvent(EventChannelAdd, f), ChannelFields: channel}
		}},
		{EventChannelAdded, func(f url.Values) Payload {
			return &ChannelAddedEvent{
				Event: postEvent(EventChannelAdded, f), ChannelSID: tChannel, ChannelFields: channel, DateCreated: tCreated,
			}
		}},
		{EventChannelUpdate, func(f url.Values) Payload { return chUpdate(preEvent(EventChannelUpdate, f)) }},
		{EventChannelUpdated, func(f url.Values) Payload {
			return (*ChannelUpdatedEvent)(chUpdate(postEvent(EventChannelUpdated, f)))
		}},
		{EventChannelDestroy, func(f url.Values) Payload {
			return (*ChannelDestroyEvent)(chUpdate(preEvent(EventChannelDestroy, f)))
		}},
		{EventChannelDestroyed, func(f url.Values) Payload {
			return (*ChannelDestroyedEvent)(chUpdate(postEvent(EventChannelDestroyed, f)))
		}},
		{EventMemberAdd, func(f url.Values) Payload {
			return &MemberAddEvent{Event: preEvent(EventMemberAdd, f), MemberFields: member}
		}},
		{EventMemberAdded, func(f url.Values) Payload { return memAdded(postEvent(EventMemberAdded, f), "JOINED") }},
		{EventMemberUpdate, func(f url.Values) Payload { return memUpdate(preEvent(EventMemberUpdate, f)) }},
		{EventMemberUpdated, func(f url.Values) Payload {
			return (*MemberUpdatedEvent)(memUpdate(postEvent(EventMemberUpdated, f)))
		}},
		{EventMemberRemove, func(f url.Values) Payload {
			return (*MemberRemoveEvent)(memAdded(preEvent(EventMemberRemove, f), "REMOVED"))
		}},
		{EventMemberRemoved, func(f url.Values) Payload {
			return &MemberRemovedEvent{
				MemberRemoveEvent: MemberRemoveEvent(*memAdded(postEvent(EventMemberRemoved, f), "LEFT")),
				DateRemoved:       tRemoved,
			}
		}},
		{EventUserAdded, func(f url.Values) Payload {
			added := userUpdate(postEvent(EventUserAdded, f))
			added.DateUpdated = time.Time{}
			return (*UserAddedEvent)(added)
		}},
		{EventUserUpdate, func(f url.Values) Payload { return userUpdate(preEvent(EventUserUpdate, f)) }},
		{EventUserUpdated, func(f url.Values) Payload {
			return (*UserUpdatedEvent)(userUpdate(postEvent(EventUserUpdated, f)))
		}},
		{"unknownEvent", func(f url.Values) Payload {
			return &Event{
				EventType: "onSomethingNew", AccountSID: tAccount, InstanceSID: tService,
				ClientIdentity: "alice", Params: f,
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			form := loadForm(t, tt.name)
			got, err := Parse(form)
			require.NoError(t, err)
			assert.Equal(t, tt.want(form), got)
			assert.Same(t, got.Common(), got.Common(), "Common is stable")
			assert.Equal(t, form.Get("EventType"), got.Common().EventType)
		})
	}
}

// TestParseDates pins the date forms Parse reads: Twilio's, with
// milliseconds, and the same without them.
func TestParseDates(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want time.Time
	}{
		{"2021-04-17T12:52:31.295Z", time.Date(2021, 4, 17, 12, 52, 31, 295e6, time.UTC)},
		{"2021-04-17T12:52:31Z", time.Date(2021, 4, 17, 12, 52, 31, 0, time.UTC)},
		{"2021-04-17T14:52:31.5+02:00", time.Date(2021, 4, 17, 12, 52, 31, 5e8, time.UTC)},
	} {
		p, err := Parse(url.Values{"EventType": {EventUserAdded}, "DateCreated": {tt.in}})
		require.NoError(t, err, tt.in)
		assert.True(t, tt.want.Equal(p.(*UserAddedEvent).DateCreated), tt.in)
	}
}

func TestParseCoversEveryKnownEventType(t *testing.T) {
	t.Parallel()
	for eventType := range decoders {
		_, err := os.Stat(filepath.Join("testdata", eventType+".form"))
		assert.NoError(t, err, "no testdata for %s", eventType)
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		base      string
		set       map[string]string
		wantField string
		wantErr   error
	}{
		{name: "missing EventType", base: EventMessageSent, set: map[string]string{"EventType": ""}, wantErr: ErrMissingEventType},
		{name: "non-integer Index", base: EventMessageSent, set: map[string]string{"Index": "4x2"}, wantField: "Index"},
		{name: "overflowing Index", base: EventMessageUpdate, set: map[string]string{"Index": "99999999999999999999999"}, wantField: "Index"},
		{name: "bad DateCreated", base: EventMessageSent, set: map[string]string{"DateCreated": "yesterday"}, wantField: "DateCreated"},
		{name: "bad DateRemoved", base: EventMessageRemoved, set: map[string]string{"DateRemoved": "2024-13-01T00:00:00Z"}, wantField: "DateRemoved"},
		{name: "bad RetryCount", base: EventChannelAdded, set: map[string]string{"RetryCount": "once"}, wantField: "RetryCount"},
		{name: "bad RetryCount on unknown event", base: "unknownEvent", set: map[string]string{"RetryCount": "-"}, wantField: "RetryCount"},
		{name: "bad Attributes", base: EventMessageSend, set: map[string]string{"Attributes": "{not json"}, wantField: "Attributes"},
		{name: "bad member Attributes", base: EventMemberRemoved, set: map[string]string{"Attributes": "{not json"}, wantField: "Attributes"},
		{name: "bad LastConsumedMessageIndex", base: EventMemberUpdate, set: map[string]string{"LastConsumedMessageIndex": "1.5"}, wantField: "LastConsumedMessageIndex"},
		{name: "bad IsOnline", base: EventUserUpdated, set: map[string]string{"IsOnline": "maybe"}, wantField: "IsOnline"},
		{name: "bad MediaSize", base: EventMediaMessageSent, set: map[string]string{"MediaSize": "big"}, wantField: "MediaSize"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			form := loadForm(t, tt.base)
			for k, v := range tt.set {
				form.Set(k, v)
			}
			got, err := Parse(form)
			require.Error(t, err)
			assert.Nil(t, got)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				return
			}
			var fe *FieldError
			require.True(t, errors.As(err, &fe), "want *FieldError, got %T", err)
			assert.Equal(t, tt.wantField, fe.Field)
			assert.Contains(t, err.Error(), tt.wantField)
		})
	}
}

func TestParseMissingOptionalFields(t *testing.T) {
	t.Parallel()
	got, err := Parse(url.Values{"EventType": {EventMemberUpdated}})
	require.NoError(t, err)
	e, ok := got.(*MemberUpdatedEvent)
	require.True(t, ok)
	assert.Nil(t, e.LastConsumedMessageIndex)
	assert.Nil(t, e.Attributes)
	assert.True(t, e.DateCreated.IsZero())
	assert.Zero(t, e.RetryCount)

	got, err = Parse(url.Values{"EventType": {EventMessageSend}, "Body": {"hi"}})
	require.NoError(t, err)
	m := got.(*MessageSendEvent)
	assert.Nil(t, m.Attributes)
	assert.Nil(t, m.Media)
	assert.Equal(t, "hi", m.Body)
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{EventMessageSend, EventMediaMessageSent, EventMemberUpdate, EventUserUpdated, "unknownEvent"} {
		b, err := os.ReadFile(filepath.Join("testdata", name+".form"))
		require.NoError(f, err)
		f.Add(string(b))
	}
	f.Add("EventType=onMessageSent&Index=-1&DateCreated=0000-00-00")
	f.Add("EventType=onUserUpdate&IsOnline=&Attributes=%00")
	f.Fuzz(func(t *testing.T, body string) {
		form, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		p, err := Parse(form)
		if err != nil {
			assert.Nil(t, p)
			return
		}
		require.NotNil(t, p)
		assert.Equal(t, form.Get("EventType"), p.Common().EventType)
	})
}
