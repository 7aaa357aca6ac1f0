import { z } from 'zod';
import { Agency, eventSchemas, topics, DLQ_TOPIC, AUDIT_ANCHOR_TOPIC, LIVE_TOPIC, LiveMessage } from '../contracts/index.js';
import { AuditAnchor } from '../audit/anchor.js';
import { ANCHOR_MESSAGE_TYPE } from '../audit/anchorTopic.js';
import { DLQ_HEADERS } from '../kafka/dlq.js';

type Json = Record<string, unknown>;

const AGENCY_TITLES: Record<Agency, string> = {
  police: 'Police', cps: 'Crown Prosecution Service', health: 'Health', advocacy: 'Independent stalking advocacy', conference: 'Conference',
};

/** Message names are the event types without dots, e.g. policeIncidentRecordedV1. */
export function messageName(type: string): string {
  return type.split(/[._]/).map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1))).join('').replace(/v1$/, 'V1');
}

function payloadSchema(schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  delete json.$schema;
  return json;
}

/**
 * The AsyncAPI 3 document for Convene's topics, generated from the same zod schemas the services use,
 * so it cannot drift: a test regenerates it and compares it with docs/asyncapi.yaml.
 */
export function buildAsyncApi(version: string): Json {
  const messages: Json = {};
  const channels: Json = {};
  const operations: Json = {};

  for (const agency of Agency.options) {
    const own = eventSchemas.filter((s) => s.shape.agency.value === agency);
    const refs: Json = {};
    for (const schema of own) {
      const type = schema.shape.type.value;
      const name = messageName(type);
      messages[name] = {
        name: type,
        title: type,
        contentType: 'application/cloudevents+json',
        headers: {
          type: 'object',
          properties: {
            traceparent: { type: 'string', description: 'W3C trace context' },
            ce_type: { type: 'string', const: type },
            ce_id: { type: 'string', format: 'uuid' },
          },
        },
        payload: payloadSchema(schema),
      };
      refs[name] = { $ref: `#/components/messages/${name}` };
    }
    const channel = `${agency}Events`;
    channels[channel] = {
      address: topics[agency],
      title: `${AGENCY_TITLES[agency]} events`,
      description: `Case events published by the ${agency} service. Key: the case reference, else the primary subject's link token.`,
      messages: refs,
    };
    operations[`publish${channel.charAt(0).toUpperCase()}${channel.slice(1)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channel}` },
      summary: `The ${agency} service publishes its events (outbox relay, idempotent producer, acks=all).`,
    };
    operations[`consume${channel.charAt(0).toUpperCase()}${channel.slice(1)}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${channel}` },
      summary: agency === 'conference'
        ? 'Agency services consume listings, history checks, disclosure requests and actions.'
        : 'The conference service consumes and projects these events, committing offsets after applying them.',
    };
  }

  messages.deadLetter = {
    name: 'dead-letter',
    title: 'A message no consumer could accept',
    contentType: 'application/octet-stream',
    headers: {
      type: 'object',
      required: [DLQ_HEADERS.reason, DLQ_HEADERS.sourceTopic, DLQ_HEADERS.sourcePartition, DLQ_HEADERS.sourceOffset],
      properties: {
        [DLQ_HEADERS.reason]: { type: 'string', enum: ['oversized', 'unparseable', 'unknown_type', 'schema', 'apply_failed'] },
        [DLQ_HEADERS.detail]: { type: 'string', description: 'what was wrong, e.g. the failing field path' },
        [DLQ_HEADERS.sourceTopic]: { type: 'string' },
        [DLQ_HEADERS.sourcePartition]: { type: 'string' },
        [DLQ_HEADERS.sourceOffset]: { type: 'string' },
        [DLQ_HEADERS.consumerGroup]: { type: 'string' },
        [DLQ_HEADERS.deadLetteredAt]: { type: 'string', format: 'date-time' },
        [DLQ_HEADERS.truncated]: { type: 'string', enum: ['true'] },
      },
    },
    payload: { type: 'string', description: 'the original message bytes (at most 64 KiB; the original stays in its topic)' },
  };
  channels.deadLetters = {
    address: DLQ_TOPIC,
    title: 'Dead letters',
    description: 'Messages that failed parsing, the schema, the known types, the size limit, or applying.',
    messages: { deadLetter: { $ref: '#/components/messages/deadLetter' } },
  };
  operations.publishDeadLetters = {
    action: 'send',
    channel: { $ref: '#/channels/deadLetters' },
    summary: 'Every consumer sends what it cannot accept here, with the reason, and carries on.',
  };

  /** A topic with one kind of message, who writes it and who reads it. */
  function topicChannel(key: string, topic: { address: string; title: string; description: string; messageKey: string; message: Json; publish: string; consume: string }): void {
    const name = key.charAt(0).toUpperCase() + key.slice(1);
    const message = topic.messageKey;
    messages[message] = topic.message;
    channels[key] = { address: topic.address, title: topic.title, description: topic.description, messages: { [message]: { $ref: `#/components/messages/${message}` } } };
    operations[`publish${name}`] = { action: 'send', channel: { $ref: `#/channels/${key}` }, summary: topic.publish };
    operations[`consume${name}`] = { action: 'receive', channel: { $ref: `#/channels/${key}` }, summary: topic.consume };
  }

  topicChannel('auditAnchors', {
    address: AUDIT_ANCHOR_TOPIC,
    title: 'Audit anchors',
    messageKey: 'auditAnchor',
    description: 'The newest entry of each service\'s audit chain (seq, hash, when), HMAC-signed with CONVENE_AUDIT_ANCHOR_KEY, published every second or so while entries are added and at shutdown. Key: the chain (its database name). One partition. `npm run audit:verify` reads it to tell a chain rewritten in its database.',
    message: {
      name: ANCHOR_MESSAGE_TYPE,
      title: 'A signed head of one service\'s audit chain',
      contentType: 'application/json',
      headers: { type: 'object', properties: { ce_type: { type: 'string', const: ANCHOR_MESSAGE_TYPE } } },
      payload: payloadSchema(AuditAnchor),
    },
    publish: 'Every service with an anchor key publishes its audit chain\'s new heads, batched, never one send per entry.',
    consume: '`npm run audit:verify` reads every anchor of one chain and checks the stored chain against them.',
  });

  topicChannel('live', {
    address: LIVE_TOPIC,
    title: 'Live meetings',
    messageKey: 'liveMessage',
    description: 'The conference\'s live path. Key: the meeting (a retraction is sent to every partition). A push\'s seq is its offset + 1. Kept for LIVE_RETENTION_HOURS (default 24), then deleted by Kafka. Conference-internal: no agency reads or writes it.',
    message: {
      name: 'live',
      title: 'A live meeting push, an instance\'s presence, or a retraction',
      contentType: 'application/json',
      payload: payloadSchema(LiveMessage),
    },
    publish: 'The projector writes each batch\'s pushes once the read model holds them; each instance announces its sockets\' presence; consent narrowing and erasure send retractions.',
    consume: 'Every conference instance reads the whole topic (a group of its own, no committed offsets) into memory and delivers to its own sockets, filtered per viewer.',
  });

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Convene case events',
      version,
      description: 'CloudEvents 1.0 (structured JSON) exchanged between the agency services and the conference service. Generated from shared/src/contracts by `npm run docs:asyncapi`; do not edit by hand.',
    },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The no-Docker local stack (infra/local).' },
      compose: { host: 'kafka:9092', protocol: 'kafka', description: 'docker-compose.yml' },
    },
    channels,
    operations,
    components: { messages },
  };
}
