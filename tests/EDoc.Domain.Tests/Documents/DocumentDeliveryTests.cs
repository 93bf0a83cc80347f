using EDoc.Domain.Documents;
using EDoc.Domain.Errors;
using EDoc.Domain.Workflow;
using static EDoc.Domain.Tests.Documents.DocumentFixtures;

namespace EDoc.Domain.Tests.Documents;

public class DocumentDeliveryTests
{
    private static Document RegisteredLetter()
    {
        var draft = Draft(DocumentKind.Outgoing, Author, correspondent: "Agency B");
        draft = draft.Then(DocumentRules.AddContentVersion(Author, draft, Sha, 321, "application/pdf", 1000, Wednesday));
        return draft.Registered(Wednesday, last: 4);
    }

    [Fact]
    public void Sent_letter_arrives_as_incoming_awaiting_the_receivers_registrar_and_the_sender_gets_a_receipt()
    {
        var letter = RegisteredLetter();
        var sentAt = Wednesday.AddHours(1);

        var sent = DocumentRules.Send(Registrar, letter, AgencyB, sentAt);
        letter = letter.Then(sent, sentAt);
        Assert.Equal(DocumentStatus.Sent, letter.Status);
        Assert.False(Assert.Single(letter.Deliveries).Delivered);

        var delivered = DocumentRules.Deliver(sent, "doc-in-1", sentAt.AddSeconds(1), senderName: "Agency A");
        var incoming = Document.From(delivered, sentAt.AddSeconds(1), 1);
        Assert.Equal(("doc-in-1", AgencyB, DocumentKind.Incoming, DocumentStatus.AwaitingRegistration),
            (incoming.Id, incoming.AgencyId, incoming.Kind, incoming.Status));
        Assert.Equal(("Title", "Agency A", "01-12/5-2026"), (incoming.Title, incoming.Correspondent, delivered.OriginNumber));
        Assert.Equal(new DocumentOrigin(AgencyA, "doc-1"), incoming.Origin);
        Assert.Equal(new ContentVersion(1, Sha, 321, "application/pdf", Registrar.Id, sentAt.AddSeconds(1)), incoming.Content);

        var receipt = DocumentRules.AcknowledgeDelivery(delivered);
        Assert.Equal(new DeliveryReceiptIssued("doc-1", AgencyB, "doc-in-1", sentAt.AddSeconds(1)), receipt);
        letter = letter.Then(receipt);
        var delivery = Assert.Single(letter.Deliveries);
        Assert.Equal(("doc-in-1", sentAt.AddSeconds(1)), (delivery.DeliveredDocumentId, delivery.DeliveredAt));

        // The receiving registrar numbers it in their own journal.
        var registered = incoming.Then(DocumentRules.Register(RegistrarB, incoming, Journal(AgencyB), 0, sentAt.AddHours(1), Kz));
        Assert.Equal(DocumentStatus.Registered, registered.Status);
    }

    [Fact]
    public void Without_a_sender_name_the_correspondent_is_the_sending_agency()
    {
        var sent = DocumentRules.Send(Registrar, RegisteredLetter(), AgencyB, Wednesday);
        Assert.Equal(AgencyA, DocumentRules.Deliver(sent, "doc-in-1", Wednesday).Correspondent);
    }

    [Fact]
    public void A_letter_may_go_to_several_agencies_but_to_each_once()
    {
        var letter = RegisteredLetter();
        letter = letter.Then(DocumentRules.Send(Registrar, letter, AgencyB, Wednesday));
        letter = letter.Then(DocumentRules.Send(Registrar, letter, "agency-c", Wednesday));

        Assert.Equal([AgencyB, "agency-c"], letter.Deliveries.Select(d => d.ToAgencyId));
        Assert.Equal("ALREADY_SENT", Assert.Throws<FailedPreconditionException>(() =>
            DocumentRules.Send(Registrar, letter, AgencyB, Wednesday)).Reason);
    }

    [Fact]
    public void Only_registered_outgoing_documents_are_sent()
    {
        Assert.Equal("NOT_OUTGOING", Assert.Throws<FailedPreconditionException>(() =>
            DocumentRules.Send(Registrar, Draft(DocumentKind.Internal).Registered(Wednesday), AgencyB, Wednesday)).Reason);
        Assert.Equal("NOT_REGISTERED", Assert.Throws<FailedPreconditionException>(() =>
            DocumentRules.Send(Registrar, Draft(DocumentKind.Outgoing, Author), AgencyB, Wednesday)).Reason);
    }

    [Fact]
    public void A_registered_letter_on_a_route_is_sent_only_once_the_route_has_ended()
    {
        var letter = RegisteredLetter();
        var onRoute = letter.Then(new DocumentRouted(letter.Id, "route-1"));

        var refused = Assert.Throws<FailedPreconditionException>(() => DocumentRules.Send(Registrar, onRoute, AgencyB, Wednesday));
        Assert.Equal("IN_ROUTE", refused.Reason);
        Assert.Contains("once the route has ended", refused.Message);

        var signed = onRoute.Then(new DocumentRouteEnded(letter.Id, "route-1", RouteStatus.Completed));
        Assert.Equal(AgencyB, DocumentRules.Send(Registrar, signed, AgencyB, Wednesday).ToAgencyId);
    }

    [Fact]
    public void Sending_to_the_own_agency_or_a_malformed_id_is_refused()
    {
        var letter = RegisteredLetter();
        Assert.Equal("to_agency_id", Assert.Throws<InvalidArgumentException>(() =>
            DocumentRules.Send(Registrar, letter, AgencyA, Wednesday)).Violations[0].Field);
        Assert.Equal("INVALID_ID", Assert.Throws<InvalidArgumentException>(() =>
            DocumentRules.Send(Registrar, letter, "Agency B!", Wednesday)).Reason);
    }

    [Fact]
    public void Executors_do_not_dispatch_mail()
    {
        Assert.Throws<PermissionDeniedException>(() => DocumentRules.Send(Author, RegisteredLetter(), AgencyB, Wednesday));
    }

    [Fact]
    public void A_sent_document_is_frozen()
    {
        var letter = RegisteredLetter();
        letter = letter.Then(DocumentRules.Send(Registrar, letter, AgencyB, Wednesday));

        Assert.Equal("DOCUMENT_SENT", Assert.Throws<FailedPreconditionException>(() =>
            DocumentRules.AddContentVersion(Registrar, letter, OtherSha, 1, "application/pdf", 10, Wednesday)).Reason);
    }

    [Fact]
    public void A_repeated_receipt_changes_nothing()
    {
        var letter = RegisteredLetter();
        var sent = DocumentRules.Send(Registrar, letter, AgencyB, Wednesday);
        var receipt = DocumentRules.AcknowledgeDelivery(DocumentRules.Deliver(sent, "doc-in-1", Wednesday));
        letter = letter.Then(sent).Then(receipt);

        Assert.Equal(letter.Deliveries, letter.Then(receipt).Deliveries);
    }
}
