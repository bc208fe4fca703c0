/** AWS WAF on the REST API's stage: on by default in prod, an option elsewhere, never on an HTTP API. */
import { Match } from 'aws-cdk-lib/assertions';
import { type Bundles, buildBundles, synthStack } from './synth';

const PROD = { stage: 'prod', corsOrigins: 'https://app.example.com' };

describe('web ACL', () => {
  let bundles: Bundles;
  beforeAll(async () => {
    bundles = await buildBundles();
  }, 120_000);

  it('guards the prod stage with the managed rules and a rate limit per source IP, answering 429 problem+json', () => {
    const { template } = synthStack(bundles, PROD);

    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({ Name: 'AWSManagedRulesCommonRuleSet', OverrideAction: { None: {} } }),
        Match.objectLike({ Name: 'AWSManagedRulesKnownBadInputsRuleSet' }),
        Match.objectLike({ Name: 'AWSManagedRulesAmazonIpReputationList' }),
        Match.objectLike({
          Name: 'RatePerSourceIp',
          Statement: { RateBasedStatement: { Limit: 1000, AggregateKeyType: 'IP' } },
          Action: {
            Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: 'tooManyRequests' } },
          },
        }),
      ],
      CustomResponseBodies: {
        tooManyRequests: {
          ContentType: 'APPLICATION_JSON',
          Content: Match.stringLikeRegexp('"type":"/problems/too-many-requests".*"status":429'),
        },
      },
    });
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  });

  it('takes the rate limit as an option, and shows the blocked requests per rule on the dashboard', () => {
    const { template } = synthStack(bundles, { ...PROD, wafRateLimit: '300' });

    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { RateBasedStatement: { Limit: 300, AggregateKeyType: 'IP' } } }),
      ]),
    });
    const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    expect(JSON.stringify(dashboard?.Properties?.DashboardBody)).toContain('AWS/WAFV2');
  });

  it.each([
    ['dev, by default', { stage: 'dev' }],
    ['prod with -c waf=false', { ...PROD, waf: 'false' }],
    ['an HTTP API in prod', { ...PROD, gateway: 'http' }],
  ])('has none for %s', (_case, context) => {
    const { template } = synthStack(bundles, context);

    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
  });

  it('refuses waf=true on an HTTP API, which WAF cannot guard', () => {
    expect(() => synthStack(bundles, { stage: 'dev', gateway: 'http', waf: 'true' })).toThrow(
      'waf=true needs gateway=rest',
    );
  });
});
