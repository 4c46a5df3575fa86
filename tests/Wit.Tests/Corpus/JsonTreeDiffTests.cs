using System.Text.Json.Nodes;

namespace WitSharp.Wit.Tests.Corpus;

/// <summary>The runner's verdicts rest on <see cref="JsonTreeDiff"/>: it must find every kind of difference and name its path.</summary>
public sealed class JsonTreeDiffTests
{
    private static string? Diff(string expected, string actual) => JsonTreeDiff.FirstDifference(JsonNode.Parse(expected), JsonNode.Parse(actual));

    [Fact]
    public void Equal_trees_have_no_difference() =>
        Assert.Null(Diff("""{"a":[1,"x",null,{"b":true}],"c":{}}""", """{"a":[1,"x",null,{"b":true}],"c":{}}"""));

    [Theory]
    [InlineData("""{"a":[1,2]}""", """{"a":[1,3]}""", "$.a[1]: expected 2, actual 3")]
    [InlineData("""{"a":1}""", """{"a":"1"}""", "$.a: expected 1, actual \"1\"")]
    [InlineData("""{"a":null}""", """{"a":0}""", "$.a: expected null, actual 0")]
    [InlineData("""{"a":1,"b":2}""", """{"a":1}""", "$.b: missing (expected 2)")]
    [InlineData("""{"a":1}""", """{"a":1,"z":[]}""", "$.z: unexpected (actual [])")]
    [InlineData("""[1,2,3]""", """[1,2]""", "$: expected 3 elements, actual 2 (first missing 3)")]
    [InlineData("""{"t":{"x":0,"y":1}}""", """{"t":{"y":1,"x":0}}""", "$.t: key order differs at position 0: expected \"x\", actual \"y\"")]
    [InlineData("""{"k":{"own":3}}""", """{"k":[3]}""", "$.k: expected {\"own\":3}, actual [3]")]
    public void Names_the_first_difference(string expected, string actual, string message) => Assert.Equal(message, Diff(expected, actual));
}
