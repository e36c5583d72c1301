namespace FabricFinance.Monitor.Web;

/// <summary>Settings of the monitor's web pages and JSON API (<see cref="MonitorWebExtensions.MapMonitorWeb"/>).</summary>
public sealed class MonitorWebOptions
{
    /// <summary>The default interval between keep-alive comments on the alert stream.</summary>
    public static readonly TimeSpan DefaultKeepAliveInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Gets or sets how long the alert stream (<c>/api/alerts/stream</c>) may stay silent before it sends a keep-alive
    /// comment, so that proxies and browsers keep the connection open. Must be positive; 15 seconds by default.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = DefaultKeepAliveInterval;

    /// <summary>
    /// Gets or sets how long a browser waits before it reconnects a dropped alert stream (the stream's <c>retry</c>
    /// field). Must be positive; 3 seconds by default.
    /// </summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(3);
}
