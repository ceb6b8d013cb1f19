package twiliochat

import (
	"context"
	"math"

	"github.com/e3f0929f/twiliochat/internal/engine"
	"github.com/e3f0929f/twiliochat/internal/spec"
)

// check makes the checks the spec cannot state: counts are not negative,
// the limits at most spec.MaxServiceLimit, the webhook URLs absolute.
func (p *UpdateServiceParams) check() error {
	errs := []error{
		engine.InRange(keyTypingIndicatorTimeout, p.TypingIndicatorTimeout, math.MaxInt),
		engine.InRange(keyConsumptionReportInterval, p.ConsumptionReportInterval, math.MaxInt),
		engine.InRange(keyPreWebhookRetryCount, p.PreWebhookRetryCount, math.MaxInt),
		engine.InRange(keyPostWebhookRetryCount, p.PostWebhookRetryCount, math.MaxInt),
		engine.CheckURL(keyPreWebhookURL, p.PreWebhookURL),
		engine.CheckURL(keyPostWebhookURL, p.PostWebhookURL),
	}
	if l := p.Limits; l != nil {
		errs = append(errs,
			engine.InRange(keyLimitsChannelMembers, l.ChannelMembers, spec.MaxServiceLimit),
			engine.InRange(keyLimitsUserChannels, l.UserChannels, spec.MaxServiceLimit))
	}
	return engine.JoinErrors(errs...)
}

// opUpdateService describes the UpdateService operation (see internal/spec).
var opUpdateService = sendOp[*UpdateServiceParams, Service]{spec.Lookup("UpdateService")}

// Update changes the Service serviceSID with the keys set in params and returns it
// as Twilio stored it.
func (s *ServicesService) Update(ctx context.Context, serviceSID string, params *UpdateServiceParams) (*Service, error) {
	return opUpdateService.call(ctx, s.client, params, serviceSID)
}
