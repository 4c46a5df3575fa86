namespace WitSharp.Generator.Tests;

/// <summary>The runtime-side types generated code uses: <see cref="Result{TOk, TError}"/>,
/// <see cref="Option{T}"/>, <see cref="ResultException{TError}"/>.</summary>
public sealed class RuntimeTypesTests
{
    [Fact]
    public void ResultOkAndErr()
    {
        var ok = Result<int, string>.Ok(3);
        var err = Result<int, string>.Err("bad");
        Assert.True(ok.IsOk);
        Assert.False(ok.IsErr);
        Assert.Equal(3, ok.Value);
        Assert.True(err.IsErr);
        Assert.Equal("bad", err.Error);
        Assert.Equal("Ok(3)", ok.ToString());
        Assert.Equal("Err(bad)", err.ToString());
        Assert.True(ok.TryGetValue(out var v) && v == 3);
        Assert.False(err.TryGetValue(out _));
        Assert.True(err.TryGetError(out var e) && e == "bad");
    }

    [Fact]
    public void ResultEqualityLooksAtTheActiveCaseOnly()
    {
        Assert.Equal(Result<int, int>.Ok(1), Result<int, int>.Ok(1));
        Assert.NotEqual(Result<int, int>.Ok(1), Result<int, int>.Err(1));
        Assert.True(Result<int, int>.Err(2) == Result<int, int>.Err(2));
        Assert.Equal(Result<int, int>.Ok(1).GetHashCode(), Result<int, int>.Ok(1).GetHashCode());
        Assert.Equal(Result<int, string>.Ok(0), default);
    }

    [Fact]
    public void ResultPatternMatching()
    {
        static string Describe(Result<int, string> r) => r switch
        {
            { IsOk: true, Value: var v } => "ok " + v,
            { Error: var e } => "err " + e,
        };
        Assert.Equal("ok 5", Describe(Result<int, string>.Ok(5)));
        Assert.Equal("err x", Describe(Result<int, string>.Err("x")));
        var (isOk, value, _) = Result<int, string>.Ok(7);
        Assert.True(isOk);
        Assert.Equal(7, value);
    }

    [Fact]
    public void UnwrapRaisesTheErrorPayload()
    {
        Assert.Equal(4, Result<int, string>.Ok(4).Unwrap());
        var ex = Assert.Throws<ResultException<string>>(() => Result<int, string>.Err("nope").Unwrap());
        Assert.Equal("nope", ex.Error);
        Assert.IsAssignableFrom<WasmException>(ex);
    }

    [Fact]
    public void NestedOptionKeepsNoneAndSomeNoneApart()
    {
        var none = Option<int?>.None;
        var someNone = Option<int?>.Some(null);
        var some = Option<int?>.Some(3);
        Assert.False(none.HasValue);
        Assert.True(someNone.HasValue);
        Assert.Null(someNone.Value);
        Assert.NotEqual(none, someNone);
        Assert.Equal(Option<int?>.Some(3), some);
        Assert.Equal("None", none.ToString());
        Assert.Equal("Some(3)", some.ToString());
        Assert.Throws<InvalidOperationException>(() => none.Value);
    }
}
