using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace FabricFinance.Monitor.Web.Internal;

/// <summary>
/// One page asset compiled into the assembly, so the pages are served the same whatever the host's content root or
/// working folder. Served with a strong ETag, revalidated on each use.
/// </summary>
internal sealed class StaticAsset
{
    private readonly byte[] _content;

    /// <summary>Initializes a new instance of the <see cref="StaticAsset"/> class.</summary>
    /// <param name="contentType">The media type.</param>
    /// <param name="text">The asset's text.</param>
    public StaticAsset(string contentType, string text)
    {
        ContentType = contentType;
        _content = Encoding.UTF8.GetBytes(text);
        ETag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(_content))[..16] + "\"");
    }

    /// <summary>Loads an asset compiled into this assembly from <c>Web/Assets</c>.</summary>
    /// <param name="fileName">The file's name, e.g. <c>market.html</c>.</param>
    /// <param name="contentType">The media type.</param>
    /// <returns>The asset.</returns>
    /// <exception cref="InvalidOperationException">The assembly has no such asset (a build error).</exception>
    public static StaticAsset FromResource(string fileName, string contentType)
    {
        using var stream = typeof(StaticAsset).Assembly.GetManifestResourceStream("assets/" + fileName)
            ?? throw new InvalidOperationException($"The page asset {fileName} is not compiled into the monitor (Web/Assets).");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new StaticAsset(contentType, reader.ReadToEnd());
    }

    /// <summary>Gets the media type.</summary>
    public string ContentType { get; }

    /// <summary>Gets the strong entity tag of the content.</summary>
    public EntityTagHeaderValue ETag { get; }

    /// <summary>Writes the asset, or 304 when the client's copy is current.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The result.</returns>
    public IResult Serve(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy =
                "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
                "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
            headers["Referrer-Policy"] = "no-referrer";
        }

        var requestHeaders = context.Request.GetTypedHeaders();
        if (requestHeaders.IfNoneMatch.Any(tag => tag.Compare(ETag, useStrongComparison: false) || tag.Tag == "*"))
        {
            headers.ETag = ETag.ToString();
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(_content, ContentType, entityTag: ETag);
    }
}
