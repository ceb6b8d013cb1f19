package twiliochattest

import "strings"

// conversationsTable returns the handler of each Conversations v1
// operation, by its operationId. An operation on the account's default
// Service (/v1/Conversations/…) and its twin on a named one
// (/v1/Services/{ChatServiceSid}/Conversations/…) share a handler, which
// finds the Service with convServiceOf.
func conversationsTable() map[string]handler {
	t := map[string]handler{
		"FetchConfiguration":                (*Server).fetchConfiguration,
		"UpdateConfiguration":               (*Server).updateConfiguration,
		"ListConfigurationAddress":          (*Server).listAddressConfigurations,
		"CreateConfigurationAddress":        (*Server).createAddressConfiguration,
		"FetchConfigurationAddress":         (*Server).fetchAddressConfiguration,
		"UpdateConfigurationAddress":        (*Server).updateAddressConfiguration,
		"DeleteConfigurationAddress":        (*Server).deleteAddressConfiguration,
		"FetchConfigurationWebhook":         (*Server).fetchConfigurationWebhook,
		"UpdateConfigurationWebhook":        (*Server).updateConfigurationWebhook,
		"ListCredential":                    (*Server).listConvCredentials,
		"CreateCredential":                  (*Server).createConvCredential,
		"FetchCredential":                   (*Server).fetchConvCredential,
		"UpdateCredential":                  (*Server).updateConvCredential,
		"DeleteCredential":                  (*Server).deleteConvCredential,
		"ListService":                       (*Server).listConvServices,
		"CreateService":                     (*Server).createConvService,
		"FetchService":                      (*Server).fetchConvService,
		"DeleteService":                     (*Server).deleteConvService,
		"ListServiceBinding":                (*Server).listConvBindings,
		"FetchServiceBinding":               (*Server).fetchConvBinding,
		"DeleteServiceBinding":              (*Server).deleteConvBinding,
		"FetchServiceConfiguration":         (*Server).fetchServiceConfiguration,
		"UpdateServiceConfiguration":        (*Server).updateServiceConfiguration,
		"FetchServiceNotification":          (*Server).fetchServiceNotification,
		"UpdateServiceNotification":         (*Server).updateServiceNotification,
		"FetchServiceWebhookConfiguration":  (*Server).fetchServiceWebhookConfiguration,
		"UpdateServiceWebhookConfiguration": (*Server).updateServiceWebhookConfiguration,
	}
	// The resources of a Conversation Service, by the name of their
	// operations on the default Service; the twin's name has "Service"
	// after the verb (ListConversation, ListServiceConversation).
	for name, h := range map[string]handler{
		"CreateConversationWithParticipants": (*Server).createConversationWithParticipants,
		"ListConversation":                   (*Server).listConversations,
		"CreateConversation":                 (*Server).createConversation,
		"FetchConversation":                  (*Server).fetchConversation,
		"UpdateConversation":                 (*Server).updateConversation,
		"DeleteConversation":                 (*Server).deleteConversation,
		"ListConversationMessage":            (*Server).listConversationMessages,
		"CreateConversationMessage":          (*Server).createConversationMessage,
		"FetchConversationMessage":           (*Server).fetchConversationMessage,
		"UpdateConversationMessage":          (*Server).updateConversationMessage,
		"DeleteConversationMessage":          (*Server).deleteConversationMessage,
		"ListConversationMessageReceipt":     (*Server).listReceipts,
		"FetchConversationMessageReceipt":    (*Server).fetchReceipt,
		"ListConversationParticipant":        (*Server).listParticipants,
		"CreateConversationParticipant":      (*Server).createParticipant,
		"FetchConversationParticipant":       (*Server).fetchParticipant,
		"UpdateConversationParticipant":      (*Server).updateParticipant,
		"DeleteConversationParticipant":      (*Server).deleteParticipant,
		"ListConversationScopedWebhook":      (*Server).listScopedWebhooks,
		"CreateConversationScopedWebhook":    (*Server).createScopedWebhook,
		"FetchConversationScopedWebhook":     (*Server).fetchScopedWebhook,
		"UpdateConversationScopedWebhook":    (*Server).updateScopedWebhook,
		"DeleteConversationScopedWebhook":    (*Server).deleteScopedWebhook,
		"ListParticipantConversation":        (*Server).listParticipantConversations,
		"ListRole":                           (*Server).listConvRoles,
		"CreateRole":                         (*Server).createConvRole,
		"FetchRole":                          (*Server).fetchConvRole,
		"UpdateRole":                         (*Server).updateConvRole,
		"DeleteRole":                         (*Server).deleteConvRole,
		"ListUser":                           (*Server).listConvUsers,
		"CreateUser":                         (*Server).createConvUser,
		"FetchUser":                          (*Server).fetchConvUser,
		"UpdateUser":                         (*Server).updateConvUser,
		"DeleteUser":                         (*Server).deleteConvUser,
		"ListUserConversation":               (*Server).listUserConversations,
		"FetchUserConversation":              (*Server).fetchUserConversation,
		"UpdateUserConversation":             (*Server).updateUserConversation,
		"DeleteUserConversation":             (*Server).deleteUserConversation,
	} {
		t[name] = h
		for _, verb := range []string{"List", "Create", "Fetch", "Update", "Delete"} {
			if rest, ok := strings.CutPrefix(name, verb); ok {
				t[verb+"Service"+rest] = h
			}
		}
	}
	return t
}
