using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace RaspAnalyzers.Guards.Tests;

internal static class Forbidden
{
    public const string Body = """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.4","title":"Forbidden","status":403}""";

    public static async Task AssertAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Body, await response.Content.ReadAsStringAsync());
    }
}
