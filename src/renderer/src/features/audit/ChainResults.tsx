import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChainCheck } from '@shared/contract/audit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../i18n/format';
import { chainLabel, chainReasonLabel } from './labels';

/** The verdict of the chain check: the head to compare with printed notices, or the first bad record. */
export function ChainResults({ results, error, onClose }: { results: ChainCheck[] | null; error: unknown; onClose: () => void }) {
  const { t } = useTranslation();
  if (!results && !error) return null;
  return (
    <Stack gap="xs">
      <ErrorAlert error={error} onClose={onClose} />
      {results?.map((r) => (
        <ChainResult key={r.chain} result={r} onClose={onClose} closeLabel={t('common.close')} />
      ))}
    </Stack>
  );
}

function ChainResult({ result, onClose, closeLabel }: { result: ChainCheck; onClose: () => void; closeLabel: string }) {
  const { t, i18n } = useTranslation();
  if (result.ok) {
    return (
      <Alert
        color="green"
        variant="light"
        role="status"
        title={t('audit.verify.okTitle', { chain: chainLabel(t, result.chain) })}
        withCloseButton
        onClose={onClose}
        closeButtonLabel={closeLabel}
      >
        <Text size="sm">{t('audit.verify.okDetail', { count: formatNumber(result.count, i18n.language) })}</Text>
        {result.head && (
          <Text size="sm" className="linli-mono">
            {t('audit.verify.head', { head: result.head })}
          </Text>
        )}
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      variant="filled"
      role="alert"
      title={t('audit.verify.brokenTitle', { chain: chainLabel(t, result.chain) })}
      withCloseButton
      onClose={onClose}
      closeButtonLabel={closeLabel}
    >
      <Text size="sm">
        {result.firstBroken
          ? t('audit.verify.brokenDetail', { seq: result.firstBroken.seq, reason: chainReasonLabel(t, result.firstBroken.reason) })
          : t('audit.verify.brokenUnknown')}
      </Text>
    </Alert>
  );
}
