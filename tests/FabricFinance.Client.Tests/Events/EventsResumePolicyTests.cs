using System.Net.Sockets;
using FabricFinance.Client.Errors;
using FabricFinance.Client.Events;
using Grpc.Core;

namespace FabricFinance.Client.Tests.Events;

public class EventsResumePolicyTests
{
    [TestCase(StatusCode.Unavailable, true)]
    [TestCase(StatusCode.DeadlineExceeded, true)]
    [TestCase(StatusCode.ResourceExhausted, true)]
    [TestCase(StatusCode.Aborted, true)]
    [TestCase(StatusCode.Internal, false)]
    [TestCase(StatusCode.PermissionDenied, false)]
    [TestCase(StatusCode.Unauthenticated, false)]
    [TestCase(StatusCode.InvalidArgument, false)]
    [TestCase(StatusCode.NotFound, false)]
    [TestCase(StatusCode.FailedPrecondition, false)]
    [TestCase(StatusCode.Unknown, false)]
    [TestCase(StatusCode.Cancelled, false)]
    public void IsTransient_StatusCode_TransientOnlyForConnectionAndCapacityFailures(StatusCode code, bool expected)
    {
        // Arrange
        var exception = Failure(new Status(code, "failure"));

        // Act
        var transient = EventsResumePolicy.IsTransient(exception);

        // Assert
        Assert.That(transient, Is.EqualTo(expected));
    }

    [TestCase("stream terminated by RST_STREAM with error code: INTERNAL_ERROR")]
    [TestCase("connection reset by peer")]
    public void IsTransient_InternalWithResetInDetail_Transient(string detail)
    {
        // Arrange
        var exception = Failure(new Status(StatusCode.Internal, detail));

        // Act and Assert
        Assert.That(EventsResumePolicy.IsTransient(exception), Is.True);
    }

    [Test]
    public void IsTransient_InternalCausedByTransportError_Transient()
    {
        // Arrange
        var cause = new HttpRequestException("request aborted", new IOException("unexpected end", new SocketException((int)SocketError.ConnectionReset)));
        var exception = Failure(new Status(StatusCode.Internal, "Error reading next message.", cause));

        // Act and Assert
        Assert.That(EventsResumePolicy.IsTransient(exception), Is.True);
    }

    [TestCase(DeliverStatus.ServiceUnavailable, true)]
    [TestCase(DeliverStatus.Forbidden, false)]
    [TestCase(DeliverStatus.NotFound, false)]
    [TestCase(DeliverStatus.BadRequest, false)]
    [TestCase(DeliverStatus.InternalServerError, false)]
    public void IsTransient_DeliverStatus_TransientOnlyWhenServiceUnavailable(DeliverStatus status, bool expected)
    {
        // Arrange
        var exception = new BlockEventsException("ended", status, innerException: null);

        // Act and Assert
        Assert.That(EventsResumePolicy.IsTransient(exception), Is.EqualTo(expected));
    }

    [Test]
    public void IsTransient_Null_ThrowsArgumentNullException()
    {
        // Act and Assert
        Assert.Throws<ArgumentNullException>(() => EventsResumePolicy.IsTransient(null!));
    }

    [Test]
    public void Defaults_NewPolicy_TenAttemptsFromOneSecondDoublingToThirtySeconds()
    {
        // Arrange and Act
        var policy = new EventsResumePolicy();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(policy.MaxAttempts, Is.EqualTo(10));
            Assert.That(policy.InitialDelay, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(policy.MaxDelay, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(policy.Multiplier, Is.EqualTo(2));
            Assert.That(policy.ShouldResume, Is.Null);
        });
    }

    private static GatewayException Failure(Status status)
    {
        var rpcException = new RpcException(status);
        return new GatewayException($"failed: {status.Detail}", status.StatusCode, [], rpcException);
    }
}
