import { useState } from 'react';
import { Button, FileInput, Group, Image, Input, Paper, Stack, Text } from '@mantine/core';
import { useUncontrolled } from '@mantine/hooks';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const MAX_FILE_BYTES = 300 * 1000;
// The contract accepts a data URL of at most 400,000 characters.
const MAX_DATA_URL = 400_000;
const TYPES = ['image/png', 'image/jpeg'];

interface SealImageInputProps {
  value?: string | null;
  defaultValue?: unknown;
  onChange?: (value: string | null) => void;
  error?: string;
  disabled?: boolean;
}

/**
 * The community seal (公章) printed on documents: a PNG or JPEG read into a data URL in the page, so it is
 * stored in the database with the profile and nothing is uploaded anywhere. Shows what will be printed.
 */
export function SealImageInput({ value, defaultValue, onChange, error, disabled }: SealImageInputProps) {
  const { t } = useTranslation();
  const [current, setCurrent] = useUncontrolled<string | null>({ value, defaultValue: (defaultValue as string | null) ?? null, finalValue: null, onChange });
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  async function pick(file: File | null) {
    setProblem(null);
    if (!file) return;
    if (!TYPES.includes(file.type)) return setProblem(t('errors.community.seal_format'));
    if (file.size > MAX_FILE_BYTES) return setProblem(t('community.seal.tooLarge', { kb: Math.ceil(file.size / 1000) }));
    setReading(true);
    try {
      const url = await readAsDataUrl(file);
      if (url.length > MAX_DATA_URL) return setProblem(t('community.seal.tooLarge', { kb: Math.ceil(file.size / 1000) }));
      setCurrent(url);
    } catch {
      setProblem(t('community.seal.unreadable'));
    } finally {
      setReading(false);
    }
  }

  return (
    <Stack gap="xs">
      <FileInput
        label={t('community.fields.sealImage')}
        description={t('community.seal.hint')}
        placeholder={t('community.seal.choose')}
        accept={TYPES.join(',')}
        leftSection={<IconPhotoUp size={16} />}
        // The file itself is not kept: its contents are, as a data URL.
        value={null}
        onChange={(file) => void pick(file)}
        error={problem ?? error}
        disabled={disabled || reading}
      />
      {current && (
        <Input.Wrapper label={t('community.seal.preview')}>
          <Paper withBorder p="xs" w="fit-content">
            <Group align="center" gap="md">
              <Image src={current} alt={t('community.seal.previewAlt')} h={96} w={96} fit="contain" />
              {!disabled && (
                <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={() => setCurrent(null)}>
                  {t('community.seal.remove')}
                </Button>
              )}
            </Group>
          </Paper>
        </Input.Wrapper>
      )}
      {!current && (
        <Text size="xs" c="dimmed">
          {t('community.seal.none')}
        </Text>
      )}
    </Stack>
  );
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
