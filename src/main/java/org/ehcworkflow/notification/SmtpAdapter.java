package org.ehcworkflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import java.util.Properties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Email through the council's mail server (Spring Mail). Each message's Message-ID is derived from the notice's
 * idempotency key, so a mail system or an officer can recognise the same notice. SMTP cannot say afterwards
 * whether a message went out, so an interrupted delivery is left for a manager to confirm. A notice that issues a
 * statutory document carries it as a PDF attachment.
 */
public class SmtpAdapter implements NoticeChannel {

  private final JavaMailSender mail;
  private final String from;
  private final String messageIdDomain;
  private final Function<Long, Optional<Attachment>> documents;

  /** @param documents a stored document by id, attached to the notice that names it ({@code documentId}) */
  public SmtpAdapter(JavaMailSender mail, String from, String messageIdDomain,
      Function<Long, Optional<Attachment>> documents) {
    this.mail = mail;
    this.from = from;
    this.messageIdDomain = messageIdDomain;
    this.documents = documents;
  }

  @Override
  public String name() {
    return "EMAIL";
  }

  @Override
  public String deliver(Outgoing notice) throws DeliveryFailure {
    String messageId = messageId(notice.idempotencyKey());
    try {
      MimeMessage message = new KeyedMessage(messageId);
      message.setFrom(new InternetAddress(from));
      for (String address : notice.addresses()) {
        message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address, true));
      }
      message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
      Optional<Attachment> document = Optional.ofNullable(notice.personalisation().get("documentId"))
          .flatMap(id -> documents.apply(Long.valueOf(id)));
      if (document.isPresent()) {
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setText(notice.body());
        helper.addAttachment(document.get().filename(), new ByteArrayResource(document.get().content()),
            document.get().contentType());
      } else {
        message.setText(notice.body(), StandardCharsets.UTF_8.name());
      }
      mail.send(message);
      return messageId;
    } catch (MessagingException e) {
      throw new DeliveryFailure("the notice could not be made into an email: " + e.getMessage(), true, e);
    } catch (MailAuthenticationException e) {
      throw new DeliveryFailure("the mail server refused our credentials", true, e);
    } catch (MailSendException e) {
      boolean rejected = e.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance);
      throw new DeliveryFailure("the mail server " + (rejected ? "rejected the addresses" : "could not be reached")
          + ": " + e.getMessage(), rejected, e);
    } catch (MailException e) {
      throw new DeliveryFailure("the mail server could not be reached: " + e.getMessage(), false, e);
    }
  }

  @Override
  public Optional<Boolean> alreadyDelivered(String idempotencyKey) {
    return Optional.empty();
  }

  String messageId(String idempotencyKey) {
    return "<" + idempotencyKey.replaceAll("[^A-Za-z0-9.-]", ".") + "@" + messageIdDomain + ">";
  }

  /** Keeps the Message-ID we chose when the message is saved for sending. */
  private static final class KeyedMessage extends MimeMessage {
    private final String messageId;

    KeyedMessage(String messageId) {
      super(Session.getInstance(new Properties()));
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
