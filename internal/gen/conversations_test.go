package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTwinsTakeTheSameKeys removes a key from one twin of the spec: the
// generator refuses to give both one params type.
func TestTwinsTakeTheSameKeys(t *testing.T) {
	t.Parallel()
	src := readSpecs("../spec", conversationsFiles)[0]
	_, err := generateConversations([]source{src})
	require.NoError(t, err)

	var doc map[string]any
	require.NoError(t, json.Unmarshal(src.data, &doc))
	post := doc["paths"].(map[string]any)["/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages"].(map[string]any)["post"].(map[string]any)
	props := post["requestBody"].(map[string]any)["content"].(map[string]any)["application/x-www-form-urlencoded"].(map[string]any)["schema"].(map[string]any)["properties"].(map[string]any)
	delete(props, "Subject")
	data, err := json.Marshal(doc)
	require.NoError(t, err)
	_, err = generateConversations([]source{{name: src.name, data: data}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "CreateConversationMessage")
	assert.Contains(t, err.Error(), "CreateServiceConversationMessage")
}

func TestTwinOf(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ id, path, twin, twinPath string }{
		{"CreateServiceConversationMessage", "/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages",
			"CreateConversationMessage", "/v1/Conversations/{ConversationSid}/Messages"},
		{"FetchServiceBinding", "/v1/Services/{ChatServiceSid}/Bindings/{Sid}", "FetchBinding", "/v1/Bindings/{Sid}"},
		{"FetchService", "/v1/Services/{Sid}", "", ""},
		{"CreateConversation", "/v1/Conversations", "", ""},
	} {
		id, path := twinOf(&op{id: tc.id, path: tc.path})
		assert.Equal(t, tc.twin, id, tc.id)
		assert.Equal(t, tc.twinPath, path, tc.id)
	}
}

func TestConjugate(t *testing.T) {
	t.Parallel()
	for summary, want := range map[string]string{
		"Add a new message to the conversation":                                 "adds a new message to the conversation",
		"Fetch a conversation from your account's default service":              "fetches a conversation",
		"Retrieve a list of all user roles in your service":                     "retrieves a list of all user roles",
		"Create a new webhook scoped to the conversation in a specific service": "creates a new webhook scoped to the conversation",
		"Update a specific User Conversation.":                                  "updates a specific User Conversation",
		"":                                                                      "sends the request",
	} {
		assert.Equal(t, want, conjugate(trimScope(summary)), summary)
	}
}
