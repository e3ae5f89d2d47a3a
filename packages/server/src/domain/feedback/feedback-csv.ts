import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { auditEntries } from '../../db/schema/audit';
import { customers } from '../../db/schema/customers';
import { feedback } from '../../db/schema/feedback';
import { ApiError } from '../../http/errors';
import { changesChannel } from '../../realtime/change';
import { customerSubject, toCustomerView } from '../customers/customer-view';
import { CsvSyntaxError, parseCsv } from '../imports/csv-text';
import { assertProductAccess } from '../products/product-scope';
import { recordChange } from '../shared/change-log';
import { writeTransaction } from '../shared/write-transaction';
import { maxFeedbackRows, readFeedbackRows, readHeader } from './feedback-csv-rows';
import { feedbackRecord } from './feedback-view';

/** What an import did. */
export interface FeedbackImportResult {
  imported: number;
  /** Customers the file named that the workspace did not have, created as standard-tier customers. */
  createdCustomers: string[];
  /** Header names the import does not read. */
  ignoredColumns: string[];
}

function refuse(message: string, field: string, extra?: Record<string, unknown>): ApiError {
  return new ApiError(400, 'VALIDATION_FAILED', message, field, extra);
}

/**
 * Imports a CSV of feedback into a product's inbox, all or nothing: columns title (required), body, customer (by name,
 * any case; an unknown name creates the customer), email, source and date. A bad row refuses the whole file with its
 * row, line and column.
 */
export async function importFeedbackCsv(
  db: Database,
  userId: string,
  productId: string,
  text: string,
): Promise<FeedbackImportResult> {
  const ref = await assertProductAccess(db, userId, productId, 'edit');
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw refuse(`The file is not valid CSV at line ${error.line}: ${error.message}`, 'file', {
        line: error.line,
      });
    }
    throw error;
  }
  const [header, ...body] = records;
  if (!header)
    throw refuse('The file is empty: it needs a header line and a row per piece of feedback', 'file');
  const { columns, ignored, problem } = readHeader(header.cells);
  if (problem) throw refuse(problem, 'title', { line: header.line, column: 'title' });
  if (body.length === 0) throw refuse('The file has a header but no rows', 'file');
  if (body.length > maxFeedbackRows) {
    throw refuse(`The file has ${body.length} rows; one import takes at most ${maxFeedbackRows}`, 'file');
  }
  const read = readFeedbackRows(body, columns);
  if (!read.ok) {
    const { row, line, column, message } = read.problem;
    throw refuse(`Row ${row} (line ${line}), column "${column}": ${message}; nothing was imported`, column, {
      row,
      line,
      column,
    });
  }
  const rows = read.rows;
  return writeTransaction(db, async (tx) => {
    await assertProductAccess(tx, userId, productId, 'edit');
    const names = [...new Set(rows.map((row) => row.customer).filter((name) => name !== ''))];
    const byName = new Map<string, string>();
    if (names.length > 0) {
      const lowered = names.map((name) => name.toLowerCase());
      const known = await tx
        .select({ id: customers.id, name: customers.name })
        .from(customers)
        .where(
          and(eq(customers.workspaceId, ref.workspaceId), inArray(sql`lower(${customers.name})`, lowered)),
        );
      for (const customer of known) byName.set(customer.name.toLowerCase(), customer.id);
    }
    const createdCustomers: string[] = [];
    for (const name of names) {
      if (byName.has(name.toLowerCase())) continue;
      const [row] = await tx
        .insert(customers)
        .values({ id: newId('cus'), workspaceId: ref.workspaceId, name })
        .onConflictDoNothing()
        .returning();
      // Another writer added the same name meanwhile (any case): use theirs.
      if (!row) {
        const [theirs] = await tx
          .select({ id: customers.id })
          .from(customers)
          .where(
            and(
              eq(customers.workspaceId, ref.workspaceId),
              sql`lower(${customers.name}) = ${name.toLowerCase()}`,
            ),
          );
        if (!theirs) throw new Error(`customer "${name}" conflicted but cannot be found`);
        byName.set(name.toLowerCase(), theirs.id);
        continue;
      }
      byName.set(name.toLowerCase(), row.id);
      createdCustomers.push(row.name);
      await recordChange(tx, userId, customerSubject(row), 'create', null, toCustomerView(row));
    }
    // A few hundred rows per statement keeps each insert well under PostgreSQL's 65,535 parameter limit.
    let lastId = '';
    for (let start = 0; start < rows.length; start += 400) {
      const inserted = await tx
        .insert(feedback)
        .values(
          rows.slice(start, start + 400).map((row) => ({
            id: newId('fbk'),
            workspaceId: ref.workspaceId,
            productId,
            customerId: row.customer ? (byName.get(row.customer.toLowerCase()) ?? null) : null,
            source: row.source,
            email: row.email,
            title: row.title,
            body: row.body,
            ...(row.receivedAt ? { receivedAt: new Date(row.receivedAt) } : {}),
            createdBy: userId,
          })),
        )
        .returning();
      await tx.insert(auditEntries).values(
        inserted.map((row) => ({
          id: newId('aud'),
          workspaceId: ref.workspaceId,
          actorId: userId,
          entityType: 'feedback',
          entityId: row.id,
          action: 'create',
          before: null,
          after: feedbackRecord(row),
        })),
      );
      lastId = inserted.at(-1)?.id ?? lastId;
    }
    // One live change for the whole file: listeners reload the inbox once rather than per row.
    const change = {
      entityType: 'feedback',
      entityId: lastId,
      action: 'create',
      workspaceId: ref.workspaceId,
      productId,
    };
    await tx.execute(sql`select pg_notify(${changesChannel}, ${JSON.stringify(change)})`);
    return { imported: rows.length, createdCustomers, ignoredColumns: ignored };
  });
}
