/** A MIME e-mail (.eml) as a mail client saves it: headers, a plain-text body and base64 attachments. */
export interface EmlInput {
  from: string;
  to: string;
  subject: string;
  /** As in the Date header (RFC 5322). */
  date: string;
  body: string;
  attachments: { fileName: string; contentType: string; content: Uint8Array }[];
}

export function buildEml(mail: EmlInput): Buffer {
  const parts = [
    ['Content-Type: text/plain; charset=utf-8', '', mail.body],
    ...mail.attachments.map((a) => [
      `Content-Type: ${a.contentType}; name="${a.fileName}"`,
      `Content-Disposition: attachment; filename="${a.fileName}"`,
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(a.content).toString('base64'),
    ]),
  ];
  const headers = [`From: ${mail.from}`, `To: ${mail.to}`, `Subject: ${mail.subject}`, `Date: ${mail.date}`, 'MIME-Version: 1.0'];
  const lines = [...headers, 'Content-Type: multipart/mixed; boundary="grens"', '', ...parts.flatMap((part) => ['--grens', ...part]), '--grens--', ''];
  return Buffer.from(lines.join('\r\n'));
}
