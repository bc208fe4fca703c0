/**
 * AWS WAF in front of the REST API's stage: AWS's managed rules for common web attacks, known bad
 * inputs and IP reputation, and a rate limit per source IP, each with its own metrics. Requests a
 * managed rule blocks get the gateway's WAF_FILTERED answer (the 403 problem+json of
 * infra/gateway-responses.ts); the rate limit answers 429 with a problem body of its own, as WAF
 * allows a custom response there. HTTP APIs cannot be associated with a web ACL (WAF supports REST
 * API stages, not HTTP APIs), so this guards the REST gateway only.
 */
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { problemMembers } from '../../src/http/problem-types';

/** The managed rule groups, in evaluation order. */
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesAmazonIpReputationList',
] as const;

export const RATE_RULE = 'RatePerSourceIp';

export interface WebAclProps {
  /** The physical name prefix, `items-api-<stage>`; the ACL's name and its metrics' prefix. */
  readonly name: string;
  /** The stage to guard (its ARN). */
  readonly stageArn: string;
  /** Requests per source IP in any 5 minutes before the rest are blocked. */
  readonly rateLimit: number;
}

export class WebAcl {
  readonly acl: wafv2.CfnWebACL;
  /** The metric names of the ACL's rules, for the dashboard. */
  readonly ruleMetrics: readonly string[];

  constructor(scope: Construct, { name, stageArn, rateLimit }: WebAclProps) {
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });
    const throttled = problemMembers('too-many-requests');
    const managed = MANAGED_RULE_GROUPS.map(
      (group, priority): wafv2.CfnWebACL.RuleProperty => ({
        name: group,
        priority,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: group } },
        visibilityConfig: visibility(`${name}-${group}`),
      }),
    );
    const rate: wafv2.CfnWebACL.RuleProperty = {
      name: RATE_RULE,
      priority: managed.length,
      action: {
        block: { customResponse: { responseCode: 429, customResponseBodyKey: 'tooManyRequests' } },
      },
      statement: { rateBasedStatement: { limit: rateLimit, aggregateKeyType: 'IP' } },
      visibilityConfig: visibility(`${name}-${RATE_RULE}`),
    };
    this.acl = new wafv2.CfnWebACL(scope, 'WebAcl', {
      name,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      rules: [...managed, rate],
      customResponseBodies: {
        tooManyRequests: {
          // WAF's content types are text and JSON, and its bodies are fixed (no request id to put in
          // `instance`); the members are the catalog's, as the gateway's own throttling answers them.
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify(throttled),
        },
      },
      visibilityConfig: visibility(name),
    });
    new wafv2.CfnWebACLAssociation(scope, 'WebAclAssociation', {
      resourceArn: stageArn,
      webAclArn: this.acl.attrArn,
    });
    this.ruleMetrics = [...managed, rate].map((rule) => `${name}-${rule.name}`);
  }
}
