package twiliochat

import (
	"context"
	"math"

	"github.com/e3f0929f/twiliochat/internal/spec"
)

// validate checks every set field against the spec and returns all the
// problems it finds, joined, or nil.
func (p *UpdateServiceParams) validate() error {
	if p == nil {
		return nil
	}
	errs := []error{
		checkRoleSID("DefaultServiceRoleSid", p.DefaultServiceRoleSID),
		checkRoleSID("DefaultChannelRoleSid", p.DefaultChannelRoleSID),
		checkRoleSID("DefaultChannelCreatorRoleSid", p.DefaultChannelCreatorRoleSID),
		inRange("TypingIndicatorTimeout", p.TypingIndicatorTimeout, math.MaxInt),
		inRange("ConsumptionReportInterval", p.ConsumptionReportInterval, math.MaxInt),
		inRange("PreWebhookRetryCount", p.PreWebhookRetryCount, math.MaxInt),
		inRange("PostWebhookRetryCount", p.PostWebhookRetryCount, math.MaxInt),
		checkURL("PreWebhookUrl", p.PreWebhookURL),
		checkURL("PostWebhookUrl", p.PostWebhookURL),
		checkEnum("WebhookMethod", p.WebhookMethod, spec.WebhookMethods),
	}
	if l := p.Limits; l != nil {
		errs = append(errs,
			inRange("Limits.ChannelMembers", l.ChannelMembers, spec.MaxServiceLimit),
			inRange("Limits.UserChannels", l.UserChannels, spec.MaxServiceLimit))
	}
	return joinErrors(errs...)
}

// opUpdateService describes the UpdateService operation (see internal/spec).
var opUpdateService = sendOp[*UpdateServiceParams, Service]{spec.Lookup("UpdateService")}

// Update changes the Service serviceSID with the keys set in params and returns it
// as Twilio stored it.
func (s *ServicesService) Update(ctx context.Context, serviceSID string, params *UpdateServiceParams) (*Service, error) {
	return opUpdateService.call(ctx, s.client, params, serviceSID)
}
