using System.Collections;
using System.Reflection;
using System.Text.Json;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Hosting.Tests;

/// <summary>docs/config.schema.json and the settings types agree: the same keys at every level, the JSON type of each
/// property's C# type, the enums' names, the column maps' fields, and every default.</summary>
public sealed class ConfigSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "config.schema.json"))).RootElement;

    private static JsonElement Section => Schema.GetProperty("properties").GetProperty(CustomerAnalyticsOptions.SectionName);

    [Fact]
    public void Schema_Options_SameKeysTypesAndDefaults() => AssertAgree(Section, new CustomerAnalyticsOptions(), "CustomerAnalytics");

    [Theory]
    [InlineData("Columns", "Transactions")]
    [InlineData("CustomerColumns", "Customers")]
    [InlineData("ProductColumns", "Products")]
    public void Schema_ColumnMaps_ListEveryField(string property, string fields)
    {
        var expected = (IEnumerable<string>)typeof(ColumnFields).GetProperty(fields)!.GetValue(null)!;

        var names = Section.GetProperty("properties").GetProperty(property).GetProperty("propertyNames").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);

        Assert.Equal(expected, names);
    }

    private static void AssertAgree(JsonElement schema, object defaults, string path)
    {
        var properties = defaults.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToDictionary(p => p.Name);
        var documented = schema.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(properties.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean(), path);
        foreach (var (name, property) in properties)
        {
            var key = path + ":" + name;
            var entry = documented[name];
            var value = property.GetValue(defaults);
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var nullable = type != property.PropertyType || (!type.IsValueType && value is null);
            Assert.True(JsonTypes(entry).SetEquals(JsonTypesOf(type, nullable)), $"{key}: schema type {string.Join("|", JsonTypes(entry))}, C# {property.PropertyType.Name}");
            if (type.IsEnum)
            {
                Assert.Equal(Enum.GetNames(type).Order(StringComparer.Ordinal), entry.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
            }

            if (JsonTypesOf(type, false).Single() == "object" && value is not IEnumerable)
            {
                AssertAgree(entry, value!, key);
            }
            else if (value is null or IEnumerable and not string)
            {
                Assert.False(entry.TryGetProperty("default", out _), $"{key} has no default but the schema gives one");
                Assert.True(value is null || !((IEnumerable)value).GetEnumerator().MoveNext(), key);
            }
            else
            {
                Assert.True(entry.TryGetProperty("default", out var given), $"{key}: the schema gives no default (C#: {value})");
                Assert.Equal(JsonSerializer.Serialize(type.IsEnum ? value.ToString() : value), given.GetRawText());
            }
        }
    }

    private static HashSet<string> JsonTypes(JsonElement entry) =>
        entry.GetProperty("type") is { ValueKind: JsonValueKind.Array } types ? [.. types.EnumerateArray().Select(t => t.GetString()!)] : [entry.GetProperty("type").GetString()!];

    private static HashSet<string> JsonTypesOf(Type type, bool nullable)
    {
        var json = type == typeof(string) || type.IsEnum || type == typeof(TimeSpan) ? "string"
            : type == typeof(bool) ? "boolean"
            : type == typeof(int) ? "integer"
            : type == typeof(long) ? "integer"
            : type == typeof(double) ? "number"
            : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? "array"
            : "object";
        return nullable ? [json, "null"] : [json];
    }
}
