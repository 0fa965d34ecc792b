// The SMS adapters against a local HTTP server that plays Aliyun and Tencent Cloud: it checks each
// request's signature the way the provider's documentation says to compute it (written here from the docs,
// not from the adapters), and answers as the provider would. Both signing methods are also pinned to the
// worked examples the providers publish.
import { createHash, createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OutgoingMessage, SendOutcome } from "../types.ts";
import { createAliyunSmsAdapter, signAliyun } from "./aliyun.ts";
import { createTencentSmsAdapter, tc3CanonicalRequest, tc3Signature } from "./tencent.ts";

const NOW = new Date("2026-03-01T08:30:00Z");
const NUMBER = "13800138000";

function message(over: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: 4711,
    campaignId: 12,
    channel: "sms",
    to: NUMBER,
    subject: "停水通知",
    text: "3月2日9:00至17:00停水，请提前储水。",
    html: null,
    messageId: "<n4711.c12@linli.local>",
    ...over,
  };
}

/** No outcome, whatever happened, carries the full number. */
function expectNoNumber(outcome: SendOutcome) {
  expect(JSON.stringify(outcome)).not.toContain(NUMBER);
}

// ---- the local server ---------------------------------------------------------------------------------

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
type Answer = { status: number; body: string } | "hang-up";
let answer: (seen: Seen) => Answer = () => ({ status: 500, body: "" });
const seen: Seen[] = [];
let server: http.Server;
let endpoint = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = {
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(request);
      const reply = answer(request);
      if (reply === "hang-up") {
        req.socket.destroy();
        return;
      }
      res.writeHead(reply.status, { "Content-Type": "application/json;charset=utf-8" }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
});

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });

// ---- Aliyun, as its signature mechanism documents it --------------------------------------------------

/**
 * The docs' percentEncode: URL-encode as application/x-www-form-urlencoded (Java's URLEncoder), then
 * "+" → "%20", "*" → "%2A", "%7E" → "~". URLSearchParams serialises the same way URLEncoder does.
 */
const docsPercentEncode = (value: string) =>
  new URLSearchParams({ v: value })
    .toString()
    .slice(2)
    .replaceAll("+", "%20")
    .replaceAll("*", "%2A")
    .replaceAll("%7E", "~");

/** StringToSign = method & percentEncode("/") & percentEncode(sorted "k=v" joined by "&"); key = secret + "&". */
function aliyunDocsSignature(method: string, params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== "Signature")
    .sort()
    .map((k) => `${docsPercentEncode(k)}=${docsPercentEncode(params[k]!)}`)
    .join("&");
  const stringToSign = `${method}&${docsPercentEncode("/")}&${docsPercentEncode(canonical)}`;
  return createHmac("sha1", `${secret}&`).update(stringToSign).digest("base64");
}

// The SendSms example of 短信服务 "HTTP协议及签名" (AccessKeyId testId, AccessKeySecret testSecret, GET).
const ALIYUN_SMS_EXAMPLE = {
  AccessKeyId: "testId",
  Action: "SendSms",
  Format: "XML",
  OutId: "123",
  PhoneNumbers: "15300000001",
  RegionId: "cn-hangzhou",
  SignName: "阿里云短信测试专用",
  SignatureMethod: "HMAC-SHA1",
  SignatureNonce: "45e25e9b-0a6f-4070-8c85-2956eda1b466",
  SignatureVersion: "1.0",
  TemplateCode: "SMS_71390007",
  TemplateParam: '{"customer":"test"}',
  Timestamp: "2017-07-12T02:42:19Z",
  Version: "2017-05-25",
};
// The DescribeRegions example of the general RPC "签名机制" page (testid / testsecret, GET).
const ALIYUN_RPC_EXAMPLE = {
  AccessKeyId: "testid",
  Action: "DescribeRegions",
  Format: "XML",
  SignatureMethod: "HMAC-SHA1",
  SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
  SignatureVersion: "1.0",
  Timestamp: "2016-02-23T12:46:24Z",
  Version: "2014-05-26",
};

describe("Aliyun signature, against the documented examples", () => {
  it("the docs' algorithm as written here reproduces both published signatures", () => {
    expect(aliyunDocsSignature("GET", ALIYUN_SMS_EXAMPLE, "testSecret")).toBe("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
    expect(aliyunDocsSignature("GET", ALIYUN_RPC_EXAMPLE, "testsecret")).toBe("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
  });

  it("the adapter's signer reproduces them too", () => {
    expect(signAliyun("GET", ALIYUN_SMS_EXAMPLE, "testSecret")).toBe("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
    expect(signAliyun("GET", ALIYUN_RPC_EXAMPLE, "testsecret")).toBe("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    expect(signAliyun("GET", { ...ALIYUN_SMS_EXAMPLE, Signature: "ignored" }, "testSecret")).toBe(
      "zJDF+Lrzhj/ThnlvIToysFRq6t4=",
    );
  });

  it("encodes the characters encodeURIComponent keeps and URLEncoder does not", () => {
    const params = { ...ALIYUN_RPC_EXAMPLE, Text: "a b*c~d!e'f(g)h+i/j" };
    expect(signAliyun("POST", params, "s")).toBe(aliyunDocsSignature("POST", params, "s"));
  });
});

const ALIYUN_SECRET = "aliyun-secret-for-tests";
const usedNonces = new Set<string>();

/** Aliyun's side: a POST form, the documented signature, fresh nonces; then what the test wants to say. */
function aliyunProvider(reply: (params: Record<string, string>) => Answer, secret = ALIYUN_SECRET) {
  return (request: Seen): Answer => {
    const params = Object.fromEntries(new URLSearchParams(request.body));
    if (request.method !== "POST" || request.url !== "/")
      return json(404, { Code: "InvalidAction.NotFound", Message: "Specified api is not found" });
    if (!String(request.headers["content-type"]).startsWith("application/x-www-form-urlencoded"))
      return json(400, { Code: "MissingParameter", Message: "form expected" });
    if (params.Signature !== aliyunDocsSignature("POST", params, secret))
      return json(400, {
        Code: "SignatureDoesNotMatch",
        Message: "Specified signature is not matched with our calculation.",
      });
    if (usedNonces.has(params.SignatureNonce!))
      return json(400, {
        Code: "SignatureNonceUsed",
        Message: "Specified signature nonce was used already.",
      });
    usedNonces.add(params.SignatureNonce!);
    return reply(params);
  };
}

const aliyunConfig = () => ({
  provider: "aliyun" as const,
  accessKeyId: "LTAI5tTestKeyId",
  accessKeySecret: ALIYUN_SECRET,
  signName: "金融街街道",
  templateCode: "SMS_465912345",
  contentParam: "content",
  endpoint,
});
const aliyun = (over: { accessKeySecret?: string } = {}) =>
  createAliyunSmsAdapter({ ...aliyunConfig(), ...over }, { now: () => NOW });

const OK = {
  Code: "OK",
  Message: "OK",
  BizId: "900619746936498440^0",
  RequestId: "F655A8D5-B967-440B-8683-DAD6FF8DE990",
};

describe("Aliyun SendSms", () => {
  it("sends a signed SendSms with the template, sign name, number and parameters; OK is sent with the BizId", async () => {
    answer = aliyunProvider(() => json(200, OK));
    const outcome = await aliyun().send(message({ smsParams: { name: "张伟", date: "3月2日" } }));
    expect(outcome).toEqual({ status: "sent", providerId: "900619746936498440^0" });
    const params = Object.fromEntries(new URLSearchParams(seen[0]!.body));
    expect(params).toMatchObject({
      Action: "SendSms",
      Version: "2017-05-25",
      Format: "JSON",
      AccessKeyId: "LTAI5tTestKeyId",
      SignatureMethod: "HMAC-SHA1",
      SignatureVersion: "1.0",
      Timestamp: "2026-03-01T08:30:00Z",
      PhoneNumbers: NUMBER,
      SignName: "金融街街道",
      TemplateCode: "SMS_465912345",
      OutId: "4711",
    });
    expect(JSON.parse(params.TemplateParam!)).toEqual({ name: "张伟", date: "3月2日" });
    expect(params.SignatureNonce).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("puts the whole text in the content parameter when the notice names no parameters", async () => {
    answer = aliyunProvider(() => json(200, OK));
    const adapter = aliyun();
    await adapter.send(message());
    await adapter.send(message({ smsParams: {} }));
    for (const request of seen)
      expect(JSON.parse(new URLSearchParams(request.body).get("TemplateParam")!)).toEqual({
        content: "3月2日9:00至17:00停水，请提前储水。",
      });
    // A new nonce each time: the provider refuses a reused one.
    expect(seen).toHaveLength(2);
  });

  it.each([
    ["isv.BUSINESS_LIMIT_CONTROL", "触发小时级流控Permits:5"],
    ["Throttling.User", "Request was denied due to user flow control."],
    ["isp.SYSTEM_ERROR", "系统错误"],
  ])("%s is retried", async (Code, Message) => {
    answer = aliyunProvider(() => json(200, { Code, Message, RequestId: "r" }));
    const outcome = await aliyun().send(message());
    expect(outcome.status).toBe("retry");
    expect(outcome).toMatchObject({ reason: expect.stringContaining(Code) });
  });

  it("an illegal number bounces, and the reason does not repeat the number", async () => {
    answer = aliyunProvider((p) =>
      json(200, {
        Code: "isv.MOBILE_NUMBER_ILLEGAL",
        Message: `非法手机号 ${p.PhoneNumbers}`,
        RequestId: "r",
      }),
    );
    const outcome = await aliyun().send(message());
    expect(outcome).toMatchObject({
      status: "bounced",
      reason: expect.stringContaining("isv.MOBILE_NUMBER_ILLEGAL"),
    });
    expectNoNumber(outcome);
  });

  it("a refused template fails with its code and message", async () => {
    answer = aliyunProvider(() =>
      json(200, { Code: "isv.TEMPLATE_MISSING_PARAMETERS", Message: "模板缺少变量", RequestId: "r" }),
    );
    expect(await aliyun().send(message())).toEqual({
      status: "failed",
      reason:
        "短信平台拒绝发送 / The SMS provider refused the message (isv.TEMPLATE_MISSING_PARAMETERS: 模板缺少变量)",
    });
  });

  it("a wrong secret is caught by the provider's signature check and fails", async () => {
    answer = aliyunProvider(() => json(200, OK));
    const outcome = await aliyun({ accessKeySecret: "not-the-secret" }).send(message());
    expect(outcome).toMatchObject({
      status: "failed",
      reason: expect.stringContaining("SignatureDoesNotMatch"),
    });
  });

  it("HTTP 5xx, a garbled 200 and a lost connection are retried; a garbled 4xx fails", async () => {
    answer = () =>
      json(503, {
        Code: "ServiceUnavailable",
        Message: "The request has failed due to a temporary failure of the server.",
      });
    expect((await aliyun().send(message())).status).toBe("retry");
    answer = () => ({ status: 502, body: "<html>Bad Gateway</html>" });
    expect(await aliyun().send(message())).toMatchObject({
      status: "retry",
      reason: expect.stringContaining("HTTP 502"),
    });
    answer = () => ({ status: 200, body: "<html>portal</html>" });
    expect((await aliyun().send(message())).status).toBe("retry");
    answer = () => "hang-up";
    const lost = await aliyun().send(message());
    expect(lost.status).toBe("retry");
    expectNoNumber(lost);
    answer = () => ({ status: 403, body: "Forbidden" });
    expect((await aliyun().send(message())).status).toBe("failed");
  });

  it("refuses a number that is not a mainland mobile without asking the provider", async () => {
    answer = aliyunProvider(() => json(200, OK));
    expect(await aliyun().send(message({ to: "010-66012345" }))).toMatchObject({ status: "bounced" });
    expect(seen).toHaveLength(0);
  });

  it("verify() asks for the template with a signed QuerySmsTemplate, without sending", async () => {
    answer = aliyunProvider((p) =>
      p.Action === "QuerySmsTemplate" && p.TemplateCode === "SMS_465912345"
        ? json(200, { Code: "OK", Message: "OK", TemplateStatus: 1, TemplateCode: p.TemplateCode })
        : json(400, { Code: "InvalidAction", Message: "unexpected" }),
    );
    await expect(aliyun().verify!()).resolves.toBeUndefined();
    answer = aliyunProvider(() => json(200, { Code: "OK", TemplateStatus: 2 }));
    await expect(aliyun().verify!()).rejects.toThrow(/not approved/);
    answer = aliyunProvider(() => json(200, OK));
    await expect(aliyun({ accessKeySecret: "wrong" }).verify!()).rejects.toThrow(/SignatureDoesNotMatch/);
  });
});

// ---- Tencent Cloud, as 签名方法 v3 documents it --------------------------------------------------------

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const hmac256 = (key: string | Buffer, text: string) => createHmac("sha256", key).update(text).digest();

/** Step 2–3 of the docs: StringToSign, then SecretDate → SecretService → SecretSigning → Signature. */
function tc3DocsSignature(secretKey: string, timestamp: number, service: string, canonicalRequest: string) {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${sha256(canonicalRequest)}`;
  const secretSigning = hmac256(hmac256(hmac256(`TC3${secretKey}`, date), service), "tc3_request");
  return hmac256(secretSigning, stringToSign).toString("hex");
}

// The docs' example: CVM DescribeInstances in ap-guangzhou at 1551113065 (2019-02-26 00:44:25 +08:00).
const TC3_EXAMPLE_PAYLOAD =
  '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const TC3_EXAMPLE_PAYLOAD_HASH = "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064";
const TC3_EXAMPLE_KEY = "Gu5t9xGARNpq86cd98joQYCN3*******";
/** The example as first published: SignedHeaders content-type;host, signature 2230eefd…, key as printed. */
const TC3_EXAMPLE_V1 = [
  "POST",
  "/",
  "",
  "content-type:application/json; charset=utf-8",
  "host:cvm.tencentcloudapi.com",
  "",
  "content-type;host",
  TC3_EXAMPLE_PAYLOAD_HASH,
].join("\n");
/** The current example signs X-TC-Action too (lower-cased value); its canonical request hashes to 7019a55b…. */
const TC3_EXAMPLE_V2 = [
  "POST",
  "/",
  "",
  "content-type:application/json; charset=utf-8",
  "host:cvm.tencentcloudapi.com",
  "x-tc-action:describeinstances",
  "",
  "content-type;host;x-tc-action",
  TC3_EXAMPLE_PAYLOAD_HASH,
].join("\n");

describe("TC3-HMAC-SHA256, against the documented example", () => {
  it("the docs' steps as written here reproduce the published hashes and signature", () => {
    expect(sha256(TC3_EXAMPLE_PAYLOAD)).toBe(TC3_EXAMPLE_PAYLOAD_HASH);
    expect(sha256(TC3_EXAMPLE_V2)).toBe("7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84");
    expect(tc3DocsSignature(TC3_EXAMPLE_KEY, 1551113065, "cvm", TC3_EXAMPLE_V1)).toBe(
      "2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
    );
  });

  it("the adapter builds the documented canonical request and signature", () => {
    const built = tc3CanonicalRequest(
      {
        "Content-Type": "application/json; charset=utf-8",
        Host: "cvm.tencentcloudapi.com",
        "X-TC-Action": "DescribeInstances",
      },
      TC3_EXAMPLE_PAYLOAD,
    );
    expect(built).toEqual({
      canonicalRequest: TC3_EXAMPLE_V2,
      signedHeaders: "content-type;host;x-tc-action",
    });
    expect(
      tc3Signature({
        secretKey: TC3_EXAMPLE_KEY,
        service: "cvm",
        timestamp: 1551113065,
        canonicalRequest: TC3_EXAMPLE_V1,
      }),
    ).toEqual({
      signature: "2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
      credentialScope: "2019-02-25/cvm/tc3_request",
    });
  });
});

const TENCENT_ID = "AKIDTestSecretIdForLinli";
const TENCENT_KEY = "tencent-secret-key-for-tests";

/**
 * Tencent's side: the Authorization header rebuilt from the request as received (signed headers'
 * names and values lower-cased and trimmed, sorted; the body's SHA-256), the scope's date from
 * X-TC-Timestamp, and the common headers; then what the test wants to say.
 */
function tencentProvider(reply: (body: any, action: string) => Answer, secretKey = TENCENT_KEY) {
  return (request: Seen): Answer => {
    const fail = (Code: string, Message: string) =>
      json(200, { Response: { Error: { Code, Message }, RequestId: "r" } });
    const auth =
      /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/sms\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
        String(request.headers.authorization),
      );
    if (!auth) return fail("AuthFailure.InvalidAuthorization", "Authorization is invalid");
    const [, secretId, date, signedHeaders, signature] = auth;
    const timestamp = Number(request.headers["x-tc-timestamp"]);
    if (secretId !== TENCENT_ID) return fail("AuthFailure.SecretIdNotFound", "The SecretId is not found");
    if (Math.abs(timestamp - NOW.getTime() / 1000) > 300)
      return fail("AuthFailure.SignatureExpire", "expired");
    if (date !== new Date(timestamp * 1000).toISOString().slice(0, 10))
      return fail("AuthFailure.SignatureFailure", "credential date is not the timestamp's date");
    const names = signedHeaders!.split(";");
    if (!names.includes("content-type") || !names.includes("host"))
      return fail("AuthFailure.SignatureFailure", "content-type and host must be signed");
    const canonicalHeaders = names
      .map((n) => `${n}:${String(request.headers[n]).trim().toLowerCase()}\n`)
      .join("");
    const canonical = ["POST", "/", "", canonicalHeaders, signedHeaders, sha256(request.body)].join("\n");
    if (signature !== tc3DocsSignature(secretKey, timestamp, "sms", canonical))
      return fail("AuthFailure.SignatureFailure", "The provided credentials could not be validated.");
    if (request.headers["x-tc-version"] !== "2021-01-11" || request.headers["x-tc-region"] !== "ap-beijing")
      return fail("InvalidParameter", "version or region");
    return reply(JSON.parse(request.body), String(request.headers["x-tc-action"]));
  };
}

const tencent = (over: { secretKey?: string } = {}) =>
  createTencentSmsAdapter(
    {
      provider: "tencent",
      secretId: TENCENT_ID,
      secretKey: TENCENT_KEY,
      sdkAppId: "1400787878",
      signName: "金融街街道",
      templateId: "1843210",
      region: "ap-beijing",
      endpoint,
      ...over,
    },
    { now: () => NOW },
  );

const status = (Code: string, Message: string, SerialNo = "") =>
  json(200, {
    Response: {
      SendStatusSet: [
        {
          SerialNo,
          PhoneNumber: `+86${NUMBER}`,
          Fee: Code === "Ok" ? 1 : 0,
          SessionContext: "4711",
          Code,
          Message,
          IsoCode: "CN",
        },
      ],
      RequestId: "a0aabda6-cf91-4f3e-a81f-9198114a2279",
    },
  });

describe("Tencent Cloud SendSms", () => {
  it("sends a signed SendSms with the app, template, sign name, +86 number and ordered parameters", async () => {
    answer = tencentProvider(() => status("Ok", "send success", "5000:1045710669157053657849499619"));
    const outcome = await tencent().send(
      message({ smsParams: { "2": "3月2日", "1": "张伟", "10": "17:00" } }),
    );
    expect(outcome).toEqual({ status: "sent", providerId: "5000:1045710669157053657849499619" });
    const request = seen[0]!;
    expect(request.headers["x-tc-action"]).toBe("SendSms");
    expect(request.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(request.body)).toEqual({
      PhoneNumberSet: [`+86${NUMBER}`],
      SmsSdkAppId: "1400787878",
      SignName: "金融街街道",
      TemplateId: "1843210",
      TemplateParamSet: ["张伟", "3月2日", "17:00"],
      SessionContext: "4711",
    });
  });

  it("sends the whole text as the one parameter when the notice names none", async () => {
    answer = tencentProvider(() => status("Ok", "send success", "s"));
    await tencent().send(message());
    expect(JSON.parse(seen[0]!.body).TemplateParamSet).toEqual(["3月2日9:00至17:00停水，请提前储水。"]);
  });

  it("rate limits and internal errors are retried", async () => {
    answer = tencentProvider(() =>
      status("LimitExceeded.PhoneNumberDailyLimit", "单个手机号日下发短信条数超过设定的上限"),
    );
    expect((await tencent().send(message())).status).toBe("retry");
    answer = tencentProvider(() =>
      json(200, {
        Response: { Error: { Code: "RequestLimitExceeded", Message: "请求的次数超过了频率限制" } },
      }),
    );
    expect((await tencent().send(message())).status).toBe("retry");
    answer = tencentProvider(() =>
      json(200, { Response: { Error: { Code: "InternalError", Message: "内部错误" } } }),
    );
    expect((await tencent().send(message())).status).toBe("retry");
  });

  it.each([
    ["InvalidParameterValue.IncorrectPhoneNumber", `手机号格式错误 +86${NUMBER}`],
    ["FailedOperation.PhoneNumberInBlacklist", "手机号在免打扰名单库中"],
  ])("%s bounces without the number in the reason", async (Code, Message) => {
    answer = tencentProvider(() => status(Code, Message));
    const outcome = await tencent().send(message());
    expect(outcome).toMatchObject({ status: "bounced", reason: expect.stringContaining(Code) });
    expectNoNumber(outcome);
  });

  it("a refused template fails with its code and message", async () => {
    answer = tencentProvider(() =>
      status("FailedOperation.TemplateIncorrectOrUnapproved", "模板未审批或内容不匹配"),
    );
    expect(await tencent().send(message())).toEqual({
      status: "failed",
      reason:
        "短信平台拒绝发送 / The SMS provider refused the message (FailedOperation.TemplateIncorrectOrUnapproved: 模板未审批或内容不匹配)",
    });
  });

  it("a wrong SecretKey is caught by the provider's signature check and fails", async () => {
    answer = tencentProvider(() => status("Ok", "send success", "s"));
    const outcome = await tencent({ secretKey: "not-the-key" }).send(message());
    expect(outcome).toMatchObject({
      status: "failed",
      reason: expect.stringContaining("AuthFailure.SignatureFailure"),
    });
  });

  it("HTTP 5xx, garbage and a lost connection are retried", async () => {
    answer = () => ({ status: 502, body: "<html>Bad Gateway</html>" });
    expect((await tencent().send(message())).status).toBe("retry");
    answer = () => ({ status: 200, body: "{not json" });
    expect((await tencent().send(message())).status).toBe("retry");
    answer = () => json(200, { Response: { RequestId: "r" } });
    expect((await tencent().send(message())).status).toBe("retry");
    answer = () => "hang-up";
    const lost = await tencent().send(message());
    expect(lost).toMatchObject({ status: "retry", reason: expect.stringContaining("Could not reach") });
    expectNoNumber(lost);
  });

  it("verify() looks the template up with a signed DescribeSmsTemplateList", async () => {
    answer = tencentProvider((body, action) =>
      action === "DescribeSmsTemplateList" && body.TemplateIdSet[0] === 1843210 && body.International === 0
        ? json(200, {
            Response: { DescribeTemplateStatusSet: [{ TemplateId: 1843210, StatusCode: 0 }], RequestId: "r" },
          })
        : json(200, { Response: { Error: { Code: "InvalidParameter", Message: "unexpected" } } }),
    );
    await expect(tencent().verify!()).resolves.toBeUndefined();
    answer = tencentProvider(() =>
      json(200, { Response: { DescribeTemplateStatusSet: [{ StatusCode: -1 }] } }),
    );
    await expect(tencent().verify!()).rejects.toThrow(/not approved/);
    await expect(tencent({ secretKey: "wrong" }).verify!()).rejects.toThrow(/AuthFailure.SignatureFailure/);
  });
});
