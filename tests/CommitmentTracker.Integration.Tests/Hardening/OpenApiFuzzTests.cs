using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommitmentTracker.Application.Accounts.ApiKeys;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Infrastructure;
using CsCheck;
using Microsoft.AspNetCore.Hosting;

namespace CommitmentTracker.Integration.Tests.Hardening;

/// <summary>The app for fuzzing: writes are not rate limited, so every answer is about the request itself.</summary>
public sealed class FuzzAppFactory : SqliteAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimiting:WritesPerMinute", "1000000");
        builder.UseSetting("Webhooks:WorkerEnabled", "false");
    }
}

/// <summary>
/// Property-based fuzzing driven by the app's own OpenAPI document (issue 14): for every operation, CsCheck
/// generates bounded requests — valid values from the document's examples and the seeds, boundaries, nulls, wrong
/// types, oversized and odd Unicode values, broken bodies — and sends them with an API key (read and write scopes)
/// and with an administrator's sign-in cookie. Every answer must be below 500, be one of the statuses the operation
/// declares, be problem+json for an error, and parse as the declared JSON (its required properties present) for a
/// success. Failures are collected per operation and reported together with CsCheck's seed to replay them.
/// </summary>
public sealed class OpenApiFuzzTests(FuzzAppFactory app) : IClassFixture<FuzzAppFactory>
{
    /// <summary>Requests per operation and principal; enough to reach every mutation kind, small enough for CI.</summary>
    private const int Iterations = 24;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Principals => ["key", "cookie"];

    [Theory]
    [MemberData(nameof(Principals))]
    public async Task Every_operation_answers_generated_requests_as_its_contract_declares(string principal)
    {
        var document = JsonNode.Parse(await app.Api().GetStringAsync("/openapi/v1.json", Ct))!.AsObject();
        var client = principal == "key" ? await KeyClientAsync() : await app.SignedInAsync(Roles.Administrator, csrfHeader: true);
        var operations = Operations(document).ToList();
        operations.Count.ShouldBeGreaterThan(40, "the document should describe the whole API");

        var failures = new List<string>();
        foreach (var operation in operations)
        {
            var gen = RequestGen(operation);
            try
            {
                await gen.SampleAsync(async request => await CheckAsync(client, operation, document, request), iter: Iterations, threads: 1, print: r => r.ToString());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add($"{operation.Method} {operation.Path}: {(ex.InnerException ?? ex).Message} — {ex.Message.Split('\n').Take(4).Aggregate((a, b) => a + " | " + b)}");
            }
        }

        failures.ShouldBeEmpty($"{failures.Count} of {operations.Count} operations broke their contract ({principal}):\n{string.Join("\n", failures)}");
    }

    /// <summary>
    /// The random pass draws a few of these per operation and so finds a boundary in a path parameter only some runs
    /// (an all-zero file id broke the contract in one CI run of many): this pass sends every boundary value to every
    /// path parameter, the other parameters and the body at their documented examples.
    /// </summary>
    [Theory]
    [MemberData(nameof(Principals))]
    public async Task Every_path_parameter_answers_each_boundary_value_as_its_contract_declares(string principal)
    {
        var document = JsonNode.Parse(await app.Api().GetStringAsync("/openapi/v1.json", Ct))!.AsObject();
        var client = principal == "key" ? await KeyClientAsync() : await app.SignedInAsync(Roles.Administrator, csrfHeader: true);
        var failures = new List<string>();
        var sent = 0;
        foreach (var operation in Operations(document))
        {
            var parameters = (operation.Node["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            foreach (var target in parameters.Where(p => p["in"]?.ToString() == "path"))
            {
                foreach (var value in UrlNasty)
                {
                    var request = new FuzzRequest(operation.Method, operation.Path,
                        [.. parameters.Select(p => (p["name"]!.ToString(), p["in"]!.ToString(), ReferenceEquals(p, target) ? value : Example(p)))],
                        ExampleBody(operation));
                    sent++;
                    try
                    {
                        await CheckAsync(client, operation, document, request);
                    }
                    catch (InvalidOperationException ex)
                    {
                        failures.Add($"{operation.Method} {operation.Path}: {ex.Message}");
                    }
                }
            }
        }

        sent.ShouldBeGreaterThan(500, "every path parameter of the document should have been tried");
        failures.ShouldBeEmpty($"{failures.Count} boundary requests broke the contract ({principal}):\n{string.Join("\n", failures)}");
    }

    /// <summary>
    /// The schema check itself: a response that has its top-level required properties but a wrong type, a missing
    /// property or an unknown enum value further down is caught (the first version looked at the top level only).
    /// </summary>
    [Fact]
    public void The_schema_check_finds_what_is_wrong_below_the_top_level()
    {
        var document = JsonNode.Parse("""
            {"components":{"schemas":{
              "Page":{"type":"object","required":["items","totalCount"],"properties":{
                "items":{"type":"array","items":{"$ref":"#/components/schemas/Item"}},
                "totalCount":{"type":"integer"}}},
              "Item":{"type":"object","required":["code","status"],"properties":{
                "code":{"type":"string"},
                "status":{"$ref":"#/components/schemas/Status"},
                "due":{"oneOf":[{"type":"null"},{"$ref":"#/components/schemas/Due"}]}}},
              "Due":{"type":"object","required":["latest"],"properties":{"latest":{"type":["null","string"],"format":"date"}}},
              "Status":{"enum":["Captured","Confirmed"],"type":"string"}}}}
            """)!.AsObject();
        var schema = new JsonObject { ["$ref"] = "#/components/schemas/Page" };
        List<string> Check(string json)
        {
            var found = new List<string>();
            SchemaMismatches(document, schema, JsonNode.Parse(json), "$", found);
            return found;
        }

        Check("""{"items":[{"code":"A-1","status":"Captured","due":null},{"code":"A-2","status":"Confirmed","due":{"latest":"2025-12-31"}}],"totalCount":2}""").ShouldBeEmpty();
        Check("""{"items":[{"code":1,"status":"Captured"}],"totalCount":1}""").ShouldHaveSingleItem().ShouldContain("$.items[0].code");
        Check("""{"items":[{"code":"A-1"}],"totalCount":1}""").ShouldHaveSingleItem().ShouldContain("lacks required 'status'");
        Check("""{"items":[{"code":"A-1","status":"Lost"}],"totalCount":1}""").ShouldHaveSingleItem().ShouldContain("not one of");
        Check("""{"items":[{"code":"A-1","status":"Captured","due":{"latest":"soon"}}],"totalCount":1}""").ShouldHaveSingleItem().ShouldContain("not a date");
        Check("""{"items":[],"totalCount":"2"}""").ShouldHaveSingleItem().ShouldContain("$.totalCount");
    }

    private async Task<HttpClient> KeyClientAsync()
    {
        var key = await app.NewKeyAsync(ApiScopes.Read, ApiScopes.Write);
        return app.WithKey(key.Key);
    }

    private static async Task CheckAsync(HttpClient client, Operation operation, JsonObject document, FuzzRequest request)
    {
        using var message = request.ToMessage();
        using var response = await client.SendAsync(message, Ct);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(Ct);
        var what = $"{status} for {request}: {Truncate(body, 300)}";

        if (status >= 500)
        {
            throw new InvalidOperationException($"server error {what}");
        }

        if (!operation.Responses.ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) && !operation.Responses.ContainsKey("default"))
        {
            throw new InvalidOperationException($"undeclared status {what}");
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (status >= 400)
        {
            if (mediaType != "application/problem+json")
            {
                throw new InvalidOperationException($"error without problem+json ({mediaType}) {what}");
            }

            using var problem = JsonDocument.Parse(body);
            if (!problem.RootElement.TryGetProperty("status", out var s) || s.GetInt32() != status || !problem.RootElement.TryGetProperty("title", out _))
            {
                throw new InvalidOperationException($"problem without its status and title {what}");
            }

            return;
        }

        // A success that declares JSON: it parses and matches the declared schema all the way down (types, required
        // properties, array items, enums, nullability), not only at its top level.
        if (operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"]?["schema"] is JsonObject schema
            && mediaType == "application/json")
        {
            var mismatches = new List<string>();
            SchemaMismatches(document, schema, JsonNode.Parse(body), "$", mismatches);
            if (mismatches.Count > 0)
            {
                throw new InvalidOperationException($"response does not match its schema ({string.Join("; ", mismatches.Take(3))}) {what}");
            }
        }
    }

    /// <summary>
    /// The places where <paramref name="value"/> breaks <paramref name="schema"/>: the subset of JSON Schema the app's
    /// document uses ($ref, type or a list of types, properties, required, items, enum, oneOf, and the string formats
    /// date, date-time and uuid). Properties the schema does not name are allowed, as the document does not close objects.
    /// </summary>
    internal static void SchemaMismatches(JsonObject document, JsonObject schema, JsonNode? value, string at, List<string> mismatches)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var target = document["components"]?["schemas"]?[reference.Split('/')[^1]] as JsonObject
                ?? throw new InvalidOperationException($"the document refers to {reference}, which it does not define");
            SchemaMismatches(document, target, value, at, mismatches);
            return;
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            var outcomes = oneOf.OfType<JsonObject>().Select(option =>
            {
                var errors = new List<string>();
                SchemaMismatches(document, option, value, at, errors);
                return errors;
            }).ToList();
            var matching = outcomes.Count(e => e.Count == 0);
            if (matching == 0)
            {
                // Say what is wrong against the nearest option ("null or a Due" reports what the Due lacks).
                var wrongKind = $"{at} is {JsonKind(value)}, the schema says";
                mismatches.AddRange(outcomes.OrderBy(e => e.Any(m => m.StartsWith(wrongKind, StringComparison.Ordinal))).ThenBy(e => e.Count).First());
            }
            else if (matching > 1)
            {
                mismatches.Add($"{at} matches {matching} of the {oneOf.Count} oneOf schemas");
            }

            return;
        }

        var kind = JsonKind(value);
        var types = schema["type"] switch
        {
            JsonArray list => list.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue single => [single.GetValue<string>()],
            _ => null,
        };
        if (types is not null && !types.Contains(kind) && !(kind == "integer" && types.Contains("number"))
            // .NET writes numbers as numbers, but its schemas allow them as strings too (type integer with a pattern).
            && !(kind == "string" && types.Any(t => t is "integer" or "number") && schema["pattern"] is not null))
        {
            mismatches.Add($"{at} is {kind}, the schema says {string.Join(" or ", types)}");
            return;
        }

        if (schema["enum"] is JsonArray allowed && value is not null && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            mismatches.Add($"{at} is {value.ToJsonString()}, not one of {allowed.ToJsonString()}");
        }

        if (kind == "string" && schema["format"]?.GetValue<string>() is { } format)
        {
            var text = value!.GetValue<string>();
            var ok = format switch
            {
                "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
                "date-time" => DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
                "uuid" => Guid.TryParse(text, out _),
                _ => true,
            };
            if (!ok)
            {
                mismatches.Add($"{at} is \"{Truncate(text, 40)}\", not a {format}");
            }
        }

        if (value is JsonObject obj)
        {
            foreach (var required in schema["required"] as JsonArray ?? [])
            {
                if (!obj.ContainsKey(required!.GetValue<string>()))
                {
                    mismatches.Add($"{at} lacks required '{required}'");
                }
            }

            foreach (var (name, propertySchema) in schema["properties"] as JsonObject ?? [])
            {
                if (obj.TryGetPropertyValue(name, out var property) && propertySchema is JsonObject declared)
                {
                    SchemaMismatches(document, declared, property, $"{at}.{name}", mismatches);
                }
            }
        }
        else if (value is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                SchemaMismatches(document, items, array[i], $"{at}[{i}]", mismatches);
            }
        }
    }

    private static string JsonKind(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => v.TryGetValue<long>(out _) || (v.TryGetValue<double>(out var d) && Math.Floor(d) == d) ? "integer" : "number",
            _ => "null",
        },
        _ => "unknown",
    };

    private static IEnumerable<Operation> Operations(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                if (node is JsonObject op && method is "get" or "post" or "put" or "delete" or "patch")
                {
                    yield return new Operation(method.ToUpperInvariant(), path, op, op["responses"]!.AsObject().ToDictionary(r => r.Key, r => r.Value));
                }
            }
        }
    }

    // ---- generators ---------------------------------------------------------------------------------------------

    /// <summary>Values that have broken parsers and databases before: boundaries, control and odd Unicode, injection-looking text.</summary>
    private static readonly string[] Nasty =
    [
        "", " ", "0", "-1", "2147483647", "-2147483648", "9999999999999999999", "1e309", "NaN", "true", "null",
        "0001-01-01", "9999-12-31", "2024-02-30", "2024-13-01", "not-a-date",
        "00000000-0000-0000-0000-000000000000", "%00", "\0", "line\nbreak", "tab\there", "\u202Eevil", "\uFEFF", "😀🏳️‍🌈", "𝕏",
        "Днi Беларусi", "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "\\\\server\\share", "{{7*7}}", "${jndi:x}",
        "a,b,,c", "-", "--", "NSK-2023", "NSK-2023-009", "RU-NVS", "admin", "\ud800",
    ];

    private static readonly Gen<string> NastyGen = Gen.OneOf<string>(Nasty);

    /// <summary>
    /// Not sendable in a URL at all: Kestrel refuses a NUL in the path before the app sees it, and a lone surrogate
    /// cannot be percent-encoded. They stay in the bodies.
    /// </summary>
    private static readonly string[] UrlNasty = [.. Nasty.Where(n => n is not ("\0" or "\ud800"))];

    private static readonly Gen<string> UrlNastyGen = Gen.OneOf<string>(UrlNasty);

    private static readonly Gen<string> Oversize = Gen.Int[1, 3].Select(n => new string('x', n switch { 1 => 5_000, 2 => 70_000, _ => 1_000_001 }));

    private static string? Example(JsonObject? parameter) =>
        parameter?["example"] is { } e ? (e is JsonArray a ? string.Join(',', a.Select(x => x?.ToString())) : e.ToString()) : null;

    /// <summary>The operation's body as documented: its JSON example, or its form example with a small text record.</summary>
    private static FuzzBody? ExampleBody(Operation operation) => operation.Node["requestBody"]?["content"] switch
    {
        JsonObject c when c["multipart/form-data"]?["example"] is JsonObject form => new FuzzBody("multipart/form-data", null,
            ([.. form.Where(p => p.Key != "file").Select(p => (p.Key, p.Key == "code" ? $"FZ-{Guid.NewGuid():N}"[..12] : p.Value?.ToString() ?? string.Empty))],
             Encoding.UTF8.GetBytes("The sides agreed to hold a trade fair in 2025."))),
        JsonObject c when c.ContainsKey("application/json") => new FuzzBody("application/json", c["application/json"]?["example"]?.ToJsonString() ?? "{}", null),
        _ => null,
    };

    private static Gen<string?> ValueGen(JsonObject? parameter)
    {
        var example = Example(parameter);
        var type = parameter?["schema"]?["type"]?.ToString() ?? "string";
        var typed = type switch
        {
            "integer" => Gen.Int[-3, 300].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "boolean" => Gen.Bool.Select(b => b ? "true" : "false"),
            _ => Gen.String[0, 12],
        };
        return Gen.Frequency(
            (3, Gen.Const<string?>(() => example)),
            (2, typed.Select(v => (string?)v)),
            (3, UrlNastyGen.Select(v => (string?)v)),
            (1, Oversize.Select(v => (string?)v)),
            (2, Gen.Const<string?>(() => null)));
    }

    private static Gen<FuzzRequest> RequestGen(Operation operation)
    {
        var parameters = (operation.Node["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var paramGens = parameters.Select(p => ValueGen(p).Select(v => (Name: p["name"]!.ToString(), In: p["in"]!.ToString(), Value: v))).ToArray();
        var parametersGen = CombineAll(paramGens);
        var content = operation.Node["requestBody"]?["content"] as JsonObject;
        var bodyGen = content is null ? Gen.Const<FuzzBody?>(() => null)
            : content.ContainsKey("multipart/form-data") ? MultipartGen(content["multipart/form-data"]!["example"] as JsonObject)
            : JsonBodyGen(content["application/json"]?["example"]);
        return Gen.Select(parametersGen, bodyGen, (ps, body) => new FuzzRequest(operation.Method, operation.Path, ps, body));
    }

    private static Gen<(string Name, string In, string? Value)[]> CombineAll(Gen<(string Name, string In, string? Value)>[] gens) =>
        gens.Aggregate(Gen.Const(() => Array.Empty<(string Name, string In, string? Value)>()), (all, next) => Gen.Select(all, next, (a, n) => (a.Append(n).ToArray())));

    private static Gen<FuzzBody?> JsonBodyGen(JsonNode? example)
    {
        var valid = example?.ToJsonString() ?? "{}";
        var properties = (example as JsonObject)?.Select(p => p.Key).ToArray() ?? [];
        var mutateProperty = properties.Length == 0
            ? Gen.Const(() => valid)
            : Gen.Select(Gen.Int[0, properties.Length - 1], Gen.Int[0, 5], NastyGen, (i, how, nasty) =>
            {
                var obj = JsonNode.Parse(valid)!.AsObject();
                var name = properties[i];
                switch (how)
                {
                    case 0: obj.Remove(name); break;
                    case 1: obj[name] = null; break;
                    case 2: obj[name] = 12345; break;
                    case 3: obj[name] = nasty; break;
                    case 4: obj[name] = new string('y', 70_000); break;
                    default: obj[name] = new JsonArray(JsonValue.Create(nasty)); break;
                }

                return obj.ToJsonString();
            });
        return Gen.Frequency(
            (2, Gen.Const(() => valid)),
            (6, mutateProperty),
            (1, Gen.OneOf<string>("null", "[]", "\"text\"", "{}", "{", "{\"a\":", "12", "{\"__proto__\":{}}")),
            (1, Gen.Const(() => string.Empty))).Select(b => (FuzzBody?)new FuzzBody("application/json", b, null));
    }

    private static Gen<FuzzBody?> MultipartGen(JsonObject? example)
    {
        var fields = example?.Where(p => p.Key != "file").Select(p => (p.Key, Value: p.Value?.ToString() ?? string.Empty)).ToArray() ?? [];
        return Gen.Select(Gen.Bool.Array[fields.Length, fields.Length], NastyGen, Gen.Int[0, 4], (keep, nasty, file) =>
        {
            var form = fields.Where((_, i) => keep[i]).Select(f => (f.Key, f.Key == "code" ? $"FZ-{Guid.NewGuid():N}"[..12] : f.Value)).ToList();
            if (keep.Length > 0 && !keep[0])
            {
                form.Add(("title", nasty));
            }

            byte[]? bytes = file switch
            {
                0 => null,
                1 => [],
                2 => [0xFF, 0xFE, 0x00, 0x41],
                3 => Encoding.UTF8.GetBytes("The sides agreed to hold a trade fair in 2025. " + nasty),
                _ => Encoding.UTF8.GetBytes(new string('z', 5_000)),
            };
            return (FuzzBody?)new FuzzBody("multipart/form-data", null, (form, bytes));
        });
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private sealed record Operation(string Method, string Path, JsonObject Node, Dictionary<string, JsonNode?> Responses);

    private sealed record FuzzBody(string MediaType, string? Json, (List<(string Key, string Value)> Fields, byte[]? File)? Form);

    private sealed record FuzzRequest(string Method, string Path, (string Name, string In, string? Value)[] Parameters, FuzzBody? Body)
    {
        public HttpRequestMessage ToMessage()
        {
            var path = Path;
            var query = new List<string>();
            var headers = new List<(string, string)>();
            foreach (var (name, location, value) in Parameters)
            {
                switch (location)
                {
                    case "path":
                        // "." and ".." are dot segments the client itself removes before sending: not a value the server sees.
                        path = path.Replace("{" + name + "}", Uri.EscapeDataString(string.IsNullOrEmpty(value) || value.Trim('.').Length == 0 ? "x" : value), StringComparison.Ordinal);
                        break;
                    case "query" when value is not null:
                        query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
                        break;
                    case "header" when value is not null && !value.Any(char.IsControl) && value.All(c => c < 128):
                        headers.Add((name, value));
                        break;
                }
            }

            var message = new HttpRequestMessage(new HttpMethod(Method), path + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty));
            foreach (var (name, value) in headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            if (Body is { Json: { } json })
            {
                message.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }
            else if (Body is { Form: var (fields, file) })
            {
                var form = new MultipartFormDataContent();
                foreach (var (key, value) in fields)
                {
                    form.Add(new StringContent(value), key);
                }

                if (file is not null)
                {
                    var part = new ByteArrayContent(file);
                    part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                    form.Add(part, "file", "record.txt");
                }

                message.Content = form;
            }

            return message;
        }

        public override string ToString() =>
            $"{Method} {Path} [{string.Join(", ", Parameters.Select(p => $"{p.In}:{p.Name}={Show(p.Value)}"))}] body={(Body?.Json is { } j ? Show(j) : Body?.Form is { } f ? $"form({string.Join(",", f.Fields.Select(x => x.Key))}; file {f.File?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})" : "none")}";

        private static string Show(string? value) => value is null ? "∅" : value.Length > 60 ? $"\"{value[..40]}…\"({value.Length})" : JsonSerializer.Serialize(value);
    }
}
