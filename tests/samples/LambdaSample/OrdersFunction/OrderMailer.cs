using System.Net;
using System.Net.Mail;

namespace OrdersFunction
{
    /// <summary>Sends the order confirmation through the company's SMTP relay.</summary>
    public static class OrderMailer
    {
        // SECRETS005: the relay's password given to NetworkCredential (and so to SmtpClient.Credentials).
        private static readonly SmtpClient Relay = new SmtpClient("smtp.mail.orders.example", 587)
        {
            EnableSsl = true,
            Credentials = new NetworkCredential("orders-relay", "Vt6#qN2wLk8zR4"),
        };

        public static void Confirm(string to, string orderId) =>
            Relay.Send(new MailMessage("orders@orders.example", to, "Order " + orderId, "Thank you for your order."));
    }
}
