namespace FabricFinance.Monitor.Web.Tests.Support;

/// <summary>One event read off an event stream; a comment line is an event whose <see cref="Comment"/> is set.</summary>
/// <param name="Id">The <c>id</c> field.</param>
/// <param name="Event">The <c>event</c> field.</param>
/// <param name="Data">The <c>data</c> field.</param>
/// <param name="Comment">The comment, for a comment line.</param>
public sealed record ServerSentEvent(string? Id, string? Event, string? Data, string? Comment);
