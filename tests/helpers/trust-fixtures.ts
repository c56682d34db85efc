// Trust policies in the shapes GitHub's and AWS's documentation show, and the unsafe variants
// found in real accounts. The GitHub claim formats: environment, pull_request, branch, tag.

export const PROVIDER = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
export const REPO = "acme-corp/community";
const AUD = "token.actions.githubusercontent.com:aud";
const SUB = "token.actions.githubusercontent.com:sub";

const webIdentity = (condition?: Record<string, Record<string, string | string[]>>) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Federated: PROVIDER }, Action: "sts:AssumeRoleWithWebIdentity", ...(condition ? { Condition: condition } : {}) }],
});

export const SAFE = {
  "environment pinned (StringEquals aud and sub)": webIdentity({ StringEquals: { [AUD]: "sts.amazonaws.com", [SUB]: `repo:${REPO}:environment:production` } }),
  "pull requests of one repository (the preview role)": webIdentity({ StringEquals: { [AUD]: "sts.amazonaws.com", [SUB]: `repo:${REPO}:pull_request` } }),
  "one repository, any environment (StringLike after the repository)": webIdentity({ StringEquals: { [AUD]: "sts.amazonaws.com" }, StringLike: { [SUB]: `repo:${REPO}:environment:*` } }),
  "any account, but only inside the organisation (aws:PrincipalOrgID)": { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }] },
};

export const UNSAFE = {
  "GitHub OIDC without aud": { doc: webIdentity({ StringEquals: { [SUB]: `repo:${REPO}:environment:production` } }), rule: "iam-oidc-trust-pinned" },
  "sub as repo:org/*": { doc: webIdentity({ StringEquals: { [AUD]: "sts.amazonaws.com" }, StringLike: { [SUB]: "repo:acme-corp/*" } }), rule: "iam-oidc-trust-pinned" },
  "StringLike sub *": { doc: webIdentity({ StringEquals: { [AUD]: "sts.amazonaws.com" }, StringLike: { [SUB]: "*" } }), rule: "iam-oidc-trust-pinned" },
  "StringLike without a repository": { doc: webIdentity({ StringEquals: { [AUD]: "sts.amazonaws.com" }, StringLike: { [SUB]: "repo:*:environment:production" } }), rule: "iam-oidc-trust-pinned" },
  "no sub at all": { doc: webIdentity({ StringEquals: { [AUD]: "sts.amazonaws.com" } }), rule: "iam-oidc-trust-pinned" },
  'Principal "*" without a condition': { doc: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }] }, rule: "iam-trust-no-public-principal" },
  'AWS "*" without a condition': { doc: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }] }, rule: "iam-trust-no-public-principal" },
};

export const BRANCH_PINNED = webIdentity({ StringEquals: { [AUD]: "sts.amazonaws.com", [SUB]: `repo:${REPO}:ref:refs/heads/main` } });
export const TAG_PINNED = webIdentity({ StringEquals: { [AUD]: "sts.amazonaws.com" }, StringLike: { [SUB]: `repo:${REPO}:ref:refs/tags/v*` } });
